package org.childjourney.query.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.query.accesses.AccessLog;
import org.childjourney.query.breakglass.QueuedGrant;
import org.childjourney.query.review.ReviewBundle;
import org.childjourney.query.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * A review bundle as its printable chronology shows it: every time in England's, every code in words, each entry's
 * history spelled out, and the entries each agency was shown named by their kind and date.
 */
record ReviewBundlePage(String journeyId, List<String> linkedJourneys, String period, String generated,
        String generatedBy, String lawfulBasis, List<Row> chronology, List<Seen> seen, List<Read> disclosures,
        List<Sharing> sharing, List<Grant> grants) {

    /** An entry of the chronology, with both clocks and, where amended, how it came to stand as it does. */
    record Row(String happened, String recorded, String agency, String kind, String colour, String type,
            String status, @Nullable String summary, List<TimelinePage.Field> details, List<String> redacted,
            List<String> history) {
    }

    /** What one agency's practitioners were shown. */
    record Seen(String agency, int reads, String first, String last, List<String> entries) {
    }

    /** One read of the record, permitted or refused. */
    record Read(String at, String reader, String purpose, String grounds, String decision, int entriesShown,
            boolean emergency) {
    }

    /** A decision not to share, or a sharing decision the journey refused. */
    record Sharing(String at, String by, String decision, String toAgency, int entries, String why) {
    }

    /** Emergency access and its review. */
    record Grant(String opened, String until, String reader, String justification, String review) {
    }

    static ReviewBundlePage of(ReviewBundle bundle, AgencyRegister register) {
        Map<String, String> entryNames = bundle.chronology().stream().collect(Collectors.toMap(
                Timeline.Entry::entryId, entry -> Words.type(entry.type()) + ", " + time(entry.occurredAt()),
                (first, second) -> first));
        return new ReviewBundlePage(bundle.journeyId(),
                bundle.linkedJourneys().stream().map(Object::toString).toList(),
                (bundle.from() == null ? "the first entry" : time(bundle.from())) + " to "
                        + (bundle.to() == null ? "now" : time(bundle.to())),
                time(bundle.generatedAt()), bundle.generatedBy(), bundle.lawfulBasis(),
                bundle.chronology().stream().map(entry -> row(entry, register)).toList(),
                bundle.seenByAgency().stream().map(agency -> new Seen(agency.agency(), agency.reads(),
                        time(agency.firstRead()), time(agency.lastRead()), agency.entriesShown().stream()
                                .map(id -> entryNames.getOrDefault(id, "an entry outside this period")).toList()))
                        .toList(),
                bundle.disclosures().stream().map(ReviewBundlePage::read).toList(), sharing(bundle),
                bundle.breakGlass().stream().map(ReviewBundlePage::grant).toList());
    }

    private static Row row(Timeline.Entry entry, AgencyRegister register) {
        AgencyKind kind = TimelinePage.kindOf(entry.agency().code(), register);
        List<String> history = new ArrayList<>();
        Timeline.History amended = entry.history();
        if (amended != null) {
            if (amended.original() != null) {
                history.add("First recorded as: " + TimelinePage.fields(amended.original()).stream()
                        .map(field -> field.label() + ": " + field.value()).collect(Collectors.joining("; ")));
            }
            amended.amendments().forEach(amendment -> history.add(Words.type("entry-" + amendment.kind()) + " "
                    + time(amendment.recordedAt()) + " by " + amendment.agency()
                    + (amendment.reason() == null ? "" : ": " + amendment.reason())));
            amended.readBeforeCorrection().forEach(read -> history.add("Shown before its first correction to "
                    + who(read.viewer(), read.agency()) + " on "
                    + time(read.at()) + ", for " + Words.value(read.purpose())));
        }
        return new Row(time(entry.occurredAt()), time(entry.recordedAt()), entry.agency().code(), Words.kind(kind),
                Words.colour(kind), Words.type(entry.type()), entry.status(), entry.summary(),
                TimelinePage.fields(entry.details()), entry.redacted().stream().map(Words::field).toList(), history);
    }

    private static Read read(AccessLog.Access access) {
        return new Read(time(access.at()),
                who(access.viewer() == null ? "someone" : access.viewer(), access.agency()),
                access.purpose() == null ? "" : Words.value(access.purpose()),
                access.grounds() == null ? "" : access.grounds().stream().map(Words::value)
                        .collect(Collectors.joining(", ")),
                (access.decision() == null ? "" : access.decision())
                        + (access.reason() == null ? "" : ": " + Words.constant(access.reason())),
                access.entriesDisclosed() == null ? 0 : access.entriesDisclosed().size(),
                Boolean.TRUE.equals(access.flaggedForReview()));
    }

    private static List<Sharing> sharing(ReviewBundle bundle) {
        List<Sharing> all = new ArrayList<>();
        bundle.nonDisclosures().forEach(decision -> all.add(new Sharing(time(decision.at()),
                who(decision.decidedBy(), decision.agency()), "not to share",
                decision.toAgency(), decision.entryIds().size(), decision.reason())));
        bundle.refusedSharing().forEach(refused -> all.add(new Sharing(time(refused.at()),
                who(refused.askedBy(), refused.agency()),
                Words.value(refused.decision()) + ", refused: " + Words.constant(refused.refusal()),
                refused.toAgency(), refused.entryIds().size(), "")));
        return all;
    }

    private static Grant grant(QueuedGrant grant) {
        QueuedGrant.Review review = grant.review();
        return new Grant(time(Instant.parse(grant.openedAt())), time(Instant.parse(grant.expiresAt())),
                who(grant.reader(), grant.agency()), grant.justification(),
                review == null ? "awaiting review" : Words.value(review.outcome()) + " (" + review.reviewer() + ", "
                        + time(Instant.parse(review.at())) + "): " + review.note());
    }

    /** Someone and, where they read for one, their agency: {@code sw.sarah (csc-county)}. */
    private static String who(String someone, @Nullable String agency) {
        return agency == null ? someone : someone + " (" + agency + ")";
    }

    private static String time(Instant instant) {
        return TimelinePage.time(instant);
    }
}

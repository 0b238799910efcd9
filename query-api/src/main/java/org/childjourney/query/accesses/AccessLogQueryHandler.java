package org.childjourney.query.accesses;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.timeline.FindReadsOf;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.childjourney.query.timeline.NonDisclosures;
import org.childjourney.query.timeline.RecordedRead;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindAccesses}, as "Need to know" says. Auditors see every read in full, with refusal reasons,
 * what was disclosed and withheld, and the decisions not to share. A practitioner with a ground for their purpose
 * sees their own agency's reads in full; other agencies' reads under {@code own-record}, {@code lead}, {@code team}
 * or {@code triage-check} as agency and date only; reads under {@code hub}, {@code enquiry}, {@code break-glass} and
 * {@code review} (any auditor's read) only if their agency leads the child's case (then agency, date, purpose and
 * grounds). Other agencies' refused reads and searches that found the child but withheld it rest on no ground: only
 * the lead agency sees them, as agency and date. Reading the access log is itself a read and is recorded first.
 */
@Component
class AccessLogQueryHandler {

    /** Grounds whose reads the lead agency and auditors alone are shown. */
    private static final Set<String> LEAD_ONLY_GROUNDS = Set.of(Ground.HUB.wireName(), Ground.ENQUIRY.wireName(),
            Ground.BREAK_GLASS.wireName(), Ground.REVIEW.wireName());

    /** Purposes that rest only on those grounds: for records made before reads named their grounds. */
    private static final Set<Purpose> LEAD_ONLY = EnumSet.of(Purpose.MASH_TRIAGE, Purpose.SAFEGUARDING_ENQUIRY,
            Purpose.EMERGENCY, Purpose.CASE_REVIEW);

    private final AccessLogProjection log;
    private final JourneyFactsSource facts;
    private final NonDisclosures nonDisclosures;
    private final DisclosureLog disclosures;
    private final Clock clock;

    AccessLogQueryHandler(AccessLogProjection log, JourneyFactsSource facts, NonDisclosures nonDisclosures,
            DisclosureLog disclosures, Clock clock) {
        this.log = log;
        this.facts = facts;
        this.nonDisclosures = nonDisclosures;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @QueryHandler
    AccessLogRead handle(FindAccesses query) {
        AccessRequest request = query.reader().request(ReadKind.ACCESS_LOG, Instant.now(clock));
        JourneyFacts journey = facts.factsOf(query.journeyId());
        AccessDecision decision = AccessPolicies.current().decide(request, journey);
        if (decision instanceof AccessDecision.Refused refused) {
            disclosures.refused(query.journeyId(), request, refused.reason());
            return new AccessLogRead.Refused();
        }
        disclosures.disclosed(query.journeyId(), journey, request, (AccessDecision.Permitted) decision, List.of());
        List<ChildJourneyId> linked = journey.othersThan(query.journeyId());
        List<Document> reads = log.reads(journey.journeys(), null);
        if (linked.isEmpty()) {
            // One journey's log: every read is of the journey asked for.
            reads.forEach(read -> read.remove("journeyId"));
        }
        if (request.viewer().holds(Role.AUDITOR)) {
            NonDisclosures.Recorded sharing = nonDisclosures.recordedOn(journey.journeys());
            return new AccessLogRead.Shown(new AccessLog(query.journeyId().toString(), linked,
                    reads.stream().map(read -> inFull(read, true)).toList(), sharing.notToShare(),
                    sharing.refused()));
        }
        AgencyCode own = Objects.requireNonNull(request.viewer().agency());
        boolean lead = journey.leadAgencies().contains(own);
        List<AccessLog.Access> accesses = reads.stream()
                .map(read -> asSeenBy(read, own, lead))
                .filter(Objects::nonNull)
                .toList();
        return new AccessLogRead.Shown(new AccessLog(query.journeyId().toString(), linked, accesses, null, null));
    }

    /** The reads of the journey recorded by then, for an auditor's review of what was known and by whom. */
    @QueryHandler
    List<RecordedRead> handle(FindReadsOf query) {
        return log.reads(query.journeyIds(), query.until()).stream()
                .filter(read -> query.viewer() == null || query.viewer().equals(read.getString("viewer")))
                .map(read -> new RecordedRead(at(read), new Viewer(read.getString("viewer"),
                        read.getString("agency") == null ? null : AgencyCode.of(read.getString("agency")),
                        read.getList("roles", String.class).stream().map(Role::fromClaim).flatMap(Optional::stream)
                                .collect(Collectors.toSet())),
                        read.getString("purpose"), listOrNone(read, "grounds"), read.getString("decision"),
                        listOrNone(read, "entriesDisclosed"), read.getString("policyVersion")))
                .toList();
    }

    private static List<String> listOrNone(Document read, String field) {
        List<String> values = read.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    private static AccessLog.@Nullable Access asSeenBy(Document read, AgencyCode own, boolean lead) {
        if (own.value().equals(read.getString("agency"))) {
            return inFull(read, false);
        }
        boolean leadOnly = leadOnly(read);
        boolean attempted = !"permitted".equals(read.getString("decision"));
        if ((leadOnly || attempted) && !lead) {
            return null;
        }
        return leadOnly
                ? new AccessLog.Access(read.getString("journeyId"), at(read), null, read.getString("agency"), null, read.getString("purpose"), null,
                        null, null, read.getList("grounds", String.class), null, null, null, null,
                        read.getBoolean("flaggedForReview", false))
                : new AccessLog.Access(read.getString("journeyId"), at(read), null, read.getString("agency"), null, null, null, null, null, null,
                        null, null, null, null, null);
    }

    /**
     * Whether a read is one the lead agency and auditors alone are shown: by the grounds it rested on, by an
     * auditor's role (a review, whatever purpose was stated), or, for records without grounds, by its purpose.
     */
    private static boolean leadOnly(Document read) {
        List<String> grounds = read.getList("grounds", String.class);
        List<String> roles = read.getList("roles", String.class);
        if (roles != null && roles.contains(Role.AUDITOR.claim())) {
            return true;
        }
        if (grounds != null && !grounds.isEmpty()) {
            return grounds.stream().anyMatch(LEAD_ONLY_GROUNDS::contains);
        }
        return Purpose.fromHeader(read.getString("purpose")).map(LEAD_ONLY::contains).orElse(true);
    }

    /** Everything about the read; for auditors also the refusal reason and the entries disclosed and withheld. */
    private static AccessLog.Access inFull(Document read, boolean auditor) {
        return new AccessLog.Access(read.getString("journeyId"), at(read), read.getString("viewer"), read.getString("agency"),
                read.getList("roles", String.class), read.getString("purpose"), read.getString("kind"),
                read.getString("decision"), read.getString("basis"), read.getList("grounds", String.class),
                auditor ? read.getString("reason") : null,
                auditor ? read.getList("entriesDisclosed", String.class) : null,
                auditor ? read.getList("entriesWithheld", String.class) : null, read.getString("policyVersion"),
                read.getBoolean("flaggedForReview", false));
    }

    private static Instant at(Document read) {
        return Instant.parse(read.getString("at"));
    }
}

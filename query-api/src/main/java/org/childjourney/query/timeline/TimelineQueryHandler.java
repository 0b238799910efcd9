package org.childjourney.query.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.EntryView;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.RefusalReason;
import org.childjourney.core.access.Role;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.query.breakglass.BreakGlassGrants;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.inbox.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindTimeline}: asks the access policy on the journey's facts as of its latest event, opens (or
 * finds) the reader's break-glass grant where the read rests on one, records the disclosure (or the refusal) in the
 * event store, and only then loads and maps what may be shown, each entry as much as the read's grounds allow. A
 * triage check tells the lead agency, or the plan's owner.
 */
@Component
class TimelineQueryHandler {

    private final TimelineStore store;
    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;
    private final Notices notices;
    private final BreakGlassGrants grants;
    private final QueryGateway queries;
    private final Clock clock;

    TimelineQueryHandler(TimelineStore store, JourneyFactsSource facts, DisclosureLog disclosures, Notices notices,
            BreakGlassGrants grants, QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.facts = facts;
        this.disclosures = disclosures;
        this.notices = notices;
        this.grants = grants;
        this.clock = clock;
    }

    @QueryHandler
    TimelineRead handle(FindTimeline query) {
        AccessRequest request = query.reader().request(ReadKind.TIMELINE, Instant.now(clock));
        JourneyFacts journey = facts.factsOf(query.journeyId());
        AccessDecision decision = AccessPolicies.current().decide(request, journey);
        // The grant goes through the journey asked for, which refuses it if sealed since; a journey linked to it is
        // asked again.
        if (decision instanceof AccessDecision.Permitted permitted && permitted.breakGlass()
                && (!grants.grant(query.journeyId(), journey, request)
                        || journey.journeys().size() > 1 && facts.factsOf(query.journeyId()).sealed())) {
            decision = new AccessDecision.Refused(RefusalReason.JOURNEY_SEALED);
        }
        if (decision instanceof AccessDecision.Refused refused) {
            disclosures.refused(query.journeyId(), request, refused.reason());
            return refused.reason() == RefusalReason.JOURNEY_ERASED && journey.erasure() != null
                    && request.viewer().holds(Role.AUDITOR)
                    ? new TimelineRead.Erased(journey.erasure())
                    : new TimelineRead.Refused();
        }
        AccessDecision.Permitted permitted = (AccessDecision.Permitted) decision;
        // The entries shown may lag the facts by a moment (the read model follows the store); what is withheld never.
        TimelineStore.Stored timeline = store.read(journey.journeys());
        List<RecordedRead> earlierReads = permitted.grounds().contains(Ground.REVIEW)
                ? readsBeforeCorrections(queries, journey.journeys(), timeline.history().standingEntries())
                : null;
        List<Timeline.Entry> shown = new ArrayList<>();
        for (Document entry : timeline.history().standingEntries()) {
            EntryView view = permitted.view(EntryId.of(entry.getString("entryId")));
            if (view != null) {
                Timeline.Entry inView = entry(entry, view, earlierReads);
                if (query.covers(inView.occurredAt())) {
                    shown.add(inView);
                }
            }
        }
        shown.sort(Timeline.CHRONOLOGICAL);
        disclosures.disclosed(query.journeyId(), journey, request, permitted,
                shown.stream().map(entry -> EntryId.of(entry.entryId())).toList());
        if (permitted.grounds().contains(Ground.TRIAGE_CHECK)) {
            tellOfTriageCheck(query, journey);
        }
        AccessDecision.Flags flags = permitted.flags();
        return new TimelineRead.Shown(new Timeline(query.journeyId().toString(),
                timeline.asOf() == null ? null : Instant.parse(timeline.asOf()), request.purpose().header(),
                permitted.grounds().stream().map(Ground::wireName).toList(), permitted.basis().citation(),
                flags == null ? null : new Timeline.Flags(flags.childProtectionPlan(), flags.openToSocialCare(),
                        flags.leadAgency() == null ? null : flags.leadAgency().value(), flags.priorAttendances()),
                journey.possibleDuplicate(), journey.othersThan(query.journeyId()), shown));
    }

    /**
     * A triage check is told to the lead agency, or without one to the agency that owns the child's plan; the notice
     * names the plan, if there is one.
     */
    private void tellOfTriageCheck(FindTimeline query, JourneyFacts journey) {
        EntryFacts plan = journey.childProtectionPlan();
        Optional<AgencyCode> told = journey.leadAgency().or(() -> Optional.ofNullable(plan).map(EntryFacts::agency));
        told.ifPresent(agency -> notices.raise(agency, NoticeKind.ACCESS_NOTICE, query.journeyId(),
                plan == null ? List.of() : List.of(plan.entryId()),
                "A practitioner checked this child's flags (" + query.reader().purpose().header() + ")."));
    }

    /**
     * An entry as it stands on the timeline ({@link TimelineHistory}) as a reader is shown it, as much as the view
     * allows; with the reads of the journey recorded so far, for a review, with its history.
     */
    static Timeline.Entry entry(Document entry, EntryView view, @Nullable List<RecordedRead> earlierReads) {
        Document agency = entry.get("agency", Document.class);
        Document details = entry.get("details", Document.class);
        Map<String, Object> visible = new LinkedHashMap<>();
        List<String> redacted = new ArrayList<>();
        details.forEach((field, value) -> {
            boolean hidden = switch (view) {
                case FULL -> false;
                case WITHOUT_RATIONALE -> "rationale".equals(field);
                case SUMMARY_ONLY, EXISTENCE_ONLY -> true;
            };
            if (hidden) {
                redacted.add(field);
            } else {
                visible.put(field, value);
            }
        });
        if (view == EntryView.EXISTENCE_ONLY) {
            redacted.add("summary");
        }
        Document household = entry.get("household", Document.class);
        boolean householdShown = view == EntryView.FULL || view == EntryView.WITHOUT_RATIONALE;
        if (household != null && !householdShown) {
            redacted.add("household");
        }
        redacted.sort(Comparator.naturalOrder());
        return new Timeline.Entry(entry.getString("entryId"), entry.getString("type"),
                Instant.parse(entry.getString("occurredAt")), Instant.parse(entry.getString("recordedAt")),
                new Timeline.Agency(agency.getString("code"), agency.getString("kind")),
                view == EntryView.EXISTENCE_ONLY ? null : entry.getString("summary"), visible,
                household == null || !householdShown ? null : household(household),
                entry.get("consent", Document.class).getString("status"), entry.getString("status"), redacted,
                earlierReads == null ? null : history(entry, earlierReads));
    }

    private static Timeline.Household household(Document household) {
        return new Timeline.Household(household.getString("reference"), household.getInteger("children"),
                household.getList("adults", Document.class).stream().map(adult -> new Timeline.Adult(
                        adult.getString("relationship"), adult.getString("givenName"), adult.getString("familyName")))
                        .toList());
    }

    /**
     * The reads of the journeys (a journey and those linked to it) a review's history needs: those recorded before the last of the entries' first
     * corrections, and none at all (no query) when no entry was corrected.
     */
    static List<RecordedRead> readsBeforeCorrections(QueryGateway queries, List<ChildJourneyId> journeyIds,
            List<Document> entries) {
        Instant until = entries.stream().map(TimelineQueryHandler::firstCorrected).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return until == null ? List.of() : queries.query(new FindReadsOf(journeyIds, null, until),
                ResponseTypes.multipleInstancesOf(RecordedRead.class)).join();
    }

    private static @Nullable Instant firstCorrected(Document entry) {
        return entry.getList("amendments", Document.class).stream()
                .filter(amended -> "corrected".equals(amended.getString("kind")))
                .map(amended -> Instant.parse(amended.getString("recordedAt"))).findFirst().orElse(null);
    }

    private static Timeline.@Nullable History history(Document entry, List<RecordedRead> earlierReads) {
        List<Document> amendments = entry.getList("amendments", Document.class);
        if (amendments.isEmpty()) {
            return null;
        }
        String entryId = entry.getString("entryId");
        Instant firstCorrected = firstCorrected(entry);
        List<Timeline.EarlierRead> readBefore = firstCorrected == null ? List.of() : earlierReads.stream()
                .filter(read -> read.at().isBefore(firstCorrected) && read.entriesDisclosed().contains(entryId))
                .map(read -> new Timeline.EarlierRead(read.viewer().username(),
                        read.viewer().agency() == null ? null : read.viewer().agency().value(), read.at(),
                        read.purpose()))
                .toList();
        return new Timeline.History(entry.get("original", Document.class),
                amendments.stream().map(amended -> new Timeline.Amendment(amended.getString("entryId"),
                        amended.getString("kind"), Instant.parse(amended.getString("recordedAt")),
                        amended.getString("agency"), amended.get("reason"), amended.get("details", Document.class)))
                        .toList(),
                readBefore);
    }
}

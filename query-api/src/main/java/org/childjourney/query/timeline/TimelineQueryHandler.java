package org.childjourney.query.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.BreakGlass;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.query.accesses.BreakGlassHistory;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.inbox.Notices;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindTimeline}: asks the access policy on the journey's facts as of its latest event, records the
 * disclosure (or the refusal) and any notices in the event store, and only then loads and maps what may be shown.
 * Retracted entries are never shown here. An emergency department's check gets the minimal view and tells the
 * plan's owner; a break-glass read that opens a window tells every agency that holds the child's record.
 */
@Component
class TimelineQueryHandler {

    private static final Comparator<Timeline.Entry> CHRONOLOGICAL = Comparator
            .comparing(Timeline.Entry::occurredAt)
            .thenComparing(Timeline.Entry::recordedAt);

    private final TimelineStore store;
    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;
    private final Notices notices;
    private final BreakGlassHistory breakGlass;
    private final Clock clock;

    TimelineQueryHandler(TimelineStore store, JourneyFactsSource facts, DisclosureLog disclosures, Notices notices,
            BreakGlassHistory breakGlass, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.disclosures = disclosures;
        this.notices = notices;
        this.breakGlass = breakGlass;
        this.clock = clock;
    }

    @QueryHandler
    TimelineRead handle(FindTimeline query) {
        AccessRequest request = query.reader().request(ReadKind.TIMELINE, Instant.now(clock));
        JourneyFacts journey = facts.factsOf(query.journeyId());
        AccessDecision decision = AccessPolicies.all().decide(request, journey);
        if (decision instanceof AccessDecision.Refused refused) {
            disclosures.refused(query.journeyId(), request, refused.reason());
            return new TimelineRead.Refused();
        }
        AccessDecision.Permitted permitted = (AccessDecision.Permitted) decision;
        // The entries shown may lag the facts by a moment (the read model follows the store); what is withheld never.
        TimelineDocument timeline = store.find(query.journeyId())
                .orElseGet(() -> TimelineDocument.open(query.journeyId()));
        List<Timeline.Entry> shown = timeline.standingEntries().stream()
                .filter(entry -> !"retracted".equals(entry.getString("status")))
                .filter(entry -> !permitted.withheld().contains(EntryId.of(entry.getString("entryId"))))
                .map(entry -> entry(entry, permitted.redacted().contains(EntryId.of(entry.getString("entryId")))))
                .sorted(CHRONOLOGICAL)
                .toList();
        List<EntryId> disclosed = shown.stream().map(entry -> EntryId.of(entry.entryId())).toList();
        disclosures.disclosed(query.journeyId(), request, permitted.basis(), disclosed,
                List.copyOf(permitted.withheld()));
        Timeline.Flags flags = null;
        if (permitted.minimal()) {
            EntryFacts plan = journey.childProtectionPlan();
            flags = new Timeline.Flags(plan != null, shown.size());
            if (plan != null) {
                notices.raise(plan.agency(), NoticeKind.ACCESS_NOTICE, query.journeyId(), List.of(plan.entryId()),
                        "An emergency department checked this child at triage (unscheduled care).");
            }
        }
        if (permitted.breakGlass() && !BreakGlass.windowOpen(
                breakGlass.breakGlassReads(query.journeyId(), request.viewer().username()), request.at())) {
            notifyOwners(query.journeyId(), journey);
        }
        return new TimelineRead.Shown(new Timeline(timeline.journeyId(),
                timeline.asOf() == null ? null : Instant.parse(timeline.asOf()), request.purpose().header(),
                permitted.basis().citation(), flags, shown));
    }

    private void notifyOwners(ChildJourneyId journeyId, JourneyFacts journey) {
        journey.owningAgencies().forEach(owner -> notices.raise(owner, NoticeKind.BREAK_GLASS_NOTICE, journeyId,
                List.of(), "A practitioner without a relationship read this child's record by emergency access; "
                        + "the read is flagged for review."));
    }

    private static Timeline.Entry entry(Document entry, boolean redacted) {
        Document agency = entry.get("agency", Document.class);
        Document details = entry.get("details", Document.class);
        return new Timeline.Entry(entry.getString("entryId"), entry.getString("type"),
                Instant.parse(entry.getString("occurredAt")), Instant.parse(entry.getString("recordedAt")),
                new Timeline.Agency(agency.getString("code"), agency.getString("kind")), entry.getString("summary"),
                redacted ? Map.of() : details, entry.get("consent", Document.class).getString("status"),
                entry.getString("status"), redacted ? details.keySet().stream().sorted().toList() : List.of());
    }
}

package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.journey.EntryId;
import org.childjourney.query.disclosure.DisclosureLog;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindTimeline}: loads the child's timeline, asks the access policy, records the disclosure (or the
 * refusal) in the event store, and only then maps what may be shown. Retracted entries are never shown here.
 */
@Component
class TimelineQueryHandler {

    private static final Comparator<Timeline.Entry> CHRONOLOGICAL = Comparator
            .comparing(Timeline.Entry::occurredAt)
            .thenComparing(Timeline.Entry::recordedAt);

    private final TimelineStore store;
    private final DisclosureLog disclosures;

    TimelineQueryHandler(TimelineStore store, DisclosureLog disclosures) {
        this.store = store;
        this.disclosures = disclosures;
    }

    @QueryHandler
    TimelineRead handle(FindTimeline query) {
        Optional<TimelineDocument> document = store.find(query.journeyId());
        JourneyFacts facts = document.map(TimelineDocument::facts).orElseGet(JourneyFacts::unknown);
        AccessRequest request = query.reader().request(ReadKind.TIMELINE);
        AccessDecision decision = AccessPolicies.all().decide(request, facts);
        if (decision instanceof AccessDecision.Refused refused) {
            disclosures.refused(query.journeyId(), request, refused.reason());
            return new TimelineRead.Refused();
        }
        AccessDecision.Permitted permitted = (AccessDecision.Permitted) decision;
        TimelineDocument timeline = document.orElseThrow();
        List<Timeline.Entry> shown = timeline.standingEntries().stream()
                .filter(entry -> !"retracted".equals(entry.getString("status")))
                .filter(entry -> !permitted.withheld().contains(EntryId.of(entry.getString("entryId"))))
                .map(TimelineQueryHandler::entry)
                .sorted(CHRONOLOGICAL)
                .toList();
        List<EntryId> disclosed = shown.stream().map(entry -> EntryId.of(entry.entryId())).toList();
        disclosures.disclosed(query.journeyId(), request, permitted.basis(), disclosed,
                List.copyOf(permitted.withheld()));
        return new TimelineRead.Shown(new Timeline(timeline.journeyId(),
                timeline.asOf() == null ? null : Instant.parse(timeline.asOf()), request.purpose().header(),
                permitted.basis().citation(), shown));
    }

    private static Timeline.Entry entry(Document entry) {
        Document agency = entry.get("agency", Document.class);
        return new Timeline.Entry(entry.getString("entryId"), entry.getString("type"),
                Instant.parse(entry.getString("occurredAt")), Instant.parse(entry.getString("recordedAt")),
                new Timeline.Agency(agency.getString("code"), agency.getString("kind")), entry.getString("summary"),
                entry.get("details", Document.class), entry.get("consent", Document.class).getString("status"),
                entry.getString("status"), List.of());
    }
}

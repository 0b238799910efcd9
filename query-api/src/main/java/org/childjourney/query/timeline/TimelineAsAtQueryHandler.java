package org.childjourney.query.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessPolicy;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.EntryView;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.RefusalReason;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.query.disclosure.DisclosureLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindTimelineAsAt} by replaying the journey's events recorded by the instant asked for (with those of
 * the journeys linked to it then), into a timeline and the journey's facts, in memory: exactly what had been recorded then, original details and all (a
 * correction recorded later is not applied), whatever the read models hold now. Auditors only, for a case review;
 * the review is itself a read, recorded before the answer leaves. With a viewer, it adds their reads of the journey
 * up to then, from the disclosure records, and, for a stated purpose, what the policy version then in force would
 * have shown them on the facts of then.
 */
@Component
class TimelineAsAtQueryHandler {

    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;
    private final QueryGateway queries;
    private final AgencyRegister register;
    private final Clock clock;

    TimelineAsAtQueryHandler(JourneyFactsSource facts, DisclosureLog disclosures,
            QueryGateway queries, AgencyRegister register, Clock clock) {
        this.facts = facts;
        this.disclosures = disclosures;
        this.queries = queries;
        this.register = register;
        this.clock = clock;
    }

    @QueryHandler
    TimelineAsAtRead handle(FindTimelineAsAt query) {
        AccessRequest request = query.reader().request(ReadKind.TIMELINE, Instant.now(clock));
        AccessDecision decision = AccessPolicies.current().decide(request, facts.factsOf(query.journeyId()));
        if (decision instanceof AccessDecision.Permitted && request.purpose() != Purpose.CASE_REVIEW) {
            decision = new AccessDecision.Refused(RefusalReason.PURPOSE_NOT_PERMITTED);
        }
        if (decision instanceof AccessDecision.Refused refused) {
            disclosures.refused(query.journeyId(), request, refused.reason());
            return new TimelineAsAtRead.Refused();
        }
        List<Document> records = new ArrayList<>();
        // The journey with those linked to it then: a link made later adds nothing, one undone since still counts.
        JourneyFacts then = facts.factsAsAt(query.journeyId(), query.asAt(), (event, recordedAt) -> {
            Document record = TimelineDocument.record(event, recordedAt);
            if (record != null) {
                records.add(record);
            }
        });
        List<ChildJourneyId> journeys = then.journeys().isEmpty() ? List.of(query.journeyId()) : then.journeys();
        List<Document> standing = TimelineHistory.of(records).standingEntries();
        // The reads up to then are needed for a viewer; otherwise only those the entries' histories name.
        List<RecordedRead> readsThen = query.viewer() != null
                ? queries.query(new FindReadsOf(journeys, null, query.asAt()),
                        ResponseTypes.multipleInstancesOf(RecordedRead.class)).join()
                : TimelineQueryHandler.readsBeforeCorrections(queries, journeys, standing);
        List<Timeline.Entry> entries = new ArrayList<>();
        standing.forEach(entry -> entries.add(TimelineQueryHandler.entry(entry, EntryView.FULL, readsThen)));
        entries.sort(Timeline.CHRONOLOGICAL);
        List<RecordedRead> reads = query.viewer() == null ? null : readsThen.stream()
                .filter(read -> read.viewer().username().equals(query.viewer())).toList();
        TimelineAsAt.WouldSee wouldSee = query.viewer() == null || query.viewerPurpose() == null ? null
                : wouldSee(query, query.viewerPurpose(), reads, readsThen, then);
        disclosures.disclosed(query.journeyId(), then, request, (AccessDecision.Permitted) decision,
                entries.stream().map(entry -> EntryId.of(entry.entryId())).toList());
        return new TimelineAsAtRead.Shown(new TimelineAsAt(query.journeyId().toString(), query.asAt(),
                then.othersThan(query.journeyId()), entries, reads, wouldSee));
    }

    /**
     * What the viewer would have seen for the purpose on the facts of then, under the policy version of the latest
     * read of the journey recorded by then (the rules the deployment was running), or the current one. The viewer's
     * agency and roles are those of their latest read: without a recorded read, there is nothing to say.
     */
    private TimelineAsAt.@Nullable WouldSee wouldSee(FindTimelineAsAt query, Purpose purpose, List<RecordedRead> reads,
            List<RecordedRead> all, JourneyFacts then) {
        if (reads.isEmpty()) {
            return null;
        }
        RecordedRead latestOfViewer = reads.get(reads.size() - 1);
        String recorded = all.isEmpty() ? null : all.get(all.size() - 1).policyVersion();
        // A version not kept (a development version) is answered, and named, as the rules in force now.
        String version = recorded != null && AccessPolicies.named(recorded).isPresent() ? recorded
                : AccessPolicies.VERSION;
        AccessPolicy policy = AccessPolicies.named(version).orElseThrow();
        AccessRequest asked = new AccessRequest(latestOfViewer.viewer(), register.kindOf(latestOfViewer.viewer()
                .agency()), purpose, ReadKind.TIMELINE, null, query.asAt());
        AccessDecision decision = policy.decide(asked, then);
        if (decision instanceof AccessDecision.Refused refused) {
            return new TimelineAsAt.WouldSee(purpose.header(), version, "refused", refused.reason().name(),
                    List.of(), List.of());
        }
        AccessDecision.Permitted permitted = (AccessDecision.Permitted) decision;
        List<String> shown = then.entries().stream().map(EntryFacts::entryId)
                .filter(id -> permitted.view(id) != null).map(Object::toString).toList();
        return new TimelineAsAt.WouldSee(purpose.header(), version, "permitted", null,
                permitted.grounds().stream().map(Ground::wireName).toList(), shown);
    }
}

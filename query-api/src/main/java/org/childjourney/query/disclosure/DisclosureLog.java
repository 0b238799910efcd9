package org.childjourney.query.disclosure;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.RefusalReason;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.AuditTrailRead;
import org.childjourney.core.journey.event.InboxRead;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneysSearched;
import org.childjourney.core.person.Sensitive;
import org.springframework.stereotype.Component;

/**
 * Appends disclosure records to the event store. Called from query handlers between the decision and the answer:
 * the append completes (inside the query's unit of work) before the answer is returned, and if it fails, the read
 * fails and nothing is disclosed.
 */
@Component
public class DisclosureLog {

    private static final Comparator<EntryId> BY_ID = Comparator.comparing(EntryId::toString);

    private final EventGateway events;
    private final MeterRegistry meters;

    DisclosureLog(EventGateway events, MeterRegistry meters) {
        this.events = events;
        this.meters = meters;
    }

    /** Counts reads of journeys by decision and purpose ({@code childjourney_reads_total}): no reader, no child. */
    private void count(String decision, AccessRequest request) {
        meters.counter("childjourney.reads", "decision", decision, "purpose", request.purpose().header(),
                "kind", request.kind().name().toLowerCase(Locale.ROOT)).increment();
    }

    /**
     * A permitted read of a journey: on what grounds, what was sent and what was withheld. A journey read with those
     * linked to it ({@code journey}'s facts are of them all) gets one record on each, naming that journey's entries
     * sent and withheld, so that each journey's own log shows who read its entries, whichever id they asked for.
     */
    public void disclosed(ChildJourneyId asked, JourneyFacts journey, AccessRequest request,
            AccessDecision.Permitted permitted, List<EntryId> disclosed) {
        List<EntryId> withheld = permitted.withheld().stream().sorted(BY_ID).toList();
        if (journey.journeys().size() <= 1) {
            record(asked, request, permitted, disclosed, withheld);
        } else {
            Map<EntryId, ChildJourneyId> recordedOn = new HashMap<>();
            journey.entries().forEach(entry -> recordedOn.put(entry.entryId(), entry.journeyId()));
            for (ChildJourneyId read : journey.journeys()) {
                record(read, request, permitted,
                        disclosed.stream().filter(entryId -> read.equals(recordedOn.get(entryId))).toList(),
                        withheld.stream().filter(entryId -> read.equals(recordedOn.get(entryId))).toList());
            }
        }
        count("permitted", request);
    }

    private void record(ChildJourneyId journeyId, AccessRequest request, AccessDecision.Permitted permitted,
            List<EntryId> disclosed, List<EntryId> withheld) {
        events.publish(new JourneyDisclosed(journeyId, request.viewer(), request.purpose(),
                Sensitive.ofNullable(request.justification()), request.kind(), permitted.basis(),
                permitted.grounds(), disclosed, withheld, AccessPolicies.VERSION));
    }

    /** A refused read of one journey id, known or not. */
    public void refused(ChildJourneyId journeyId, AccessRequest request, RefusalReason reason) {
        events.publish(new AccessRefused(journeyId, request.viewer(), request.purpose(),
                Sensitive.ofNullable(request.justification()), request.kind(), reason, AccessPolicies.VERSION));
        count("refused", request);
    }

    /** An agency system's read of its inbox: the items shown and the journeys they concern. */
    public void inboxRead(AgencyCode agency, String readBy, List<String> itemIds, List<ChildJourneyId> journeys) {
        events.publish(new InboxRead(agency, readBy, itemIds, journeys));
    }

    /** An auditor's read of the audit trail ({@code disclosures}, {@code break-glass}) and the journeys it showed. */
    public void auditTrailRead(Viewer auditor, String trail, List<ChildJourneyId> journeys) {
        listRead(auditor, Purpose.CASE_REVIEW, trail, journeys);
    }

    /**
     * A read of a list that names journeys, for a purpose: the audit trail (an auditor's, for a case review), the
     * possible duplicates awaiting the hub ({@code possible-duplicates}, for triage); and the journeys it showed.
     */
    public void listRead(Viewer reader, Purpose purpose, String list, List<ChildJourneyId> journeys) {
        events.publish(new AuditTrailRead(reader, purpose, ReadKind.AUDIT_TRAIL, list,
                journeys.stream().distinct().toList(), AccessPolicies.VERSION));
    }

    /** A search: the journeys returned and those found but withheld. */
    public void searched(AccessRequest request, List<ChildJourneyId> disclosed, List<ChildJourneyId> withheld) {
        events.publish(new JourneysSearched(request.viewer(), request.purpose(),
                Sensitive.ofNullable(request.justification()), request.kind(), disclosed, withheld,
                AccessPolicies.VERSION));
    }
}

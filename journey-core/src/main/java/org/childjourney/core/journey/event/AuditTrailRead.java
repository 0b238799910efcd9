package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;

/**
 * An auditor read the audit trail across journeys (the disclosure log, the break-glass review queue): a read like
 * any other, appended before the answer is sent, naming what was read and the journeys it showed. Its purpose is
 * the auditor's role's, {@code case-review}.
 *
 * @param trail what was read: {@code disclosures} or {@code break-glass}
 */
@Revision("1")
public record AuditTrailRead(Viewer viewer, Purpose purpose, ReadKind kind, String trail,
        List<ChildJourneyId> journeyIds, String policyVersion) implements DisclosureEvent {

    public AuditTrailRead {
        journeyIds = List.copyOf(journeyIds);
    }
}

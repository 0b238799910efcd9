package org.childjourney.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.NoticeAcknowledged;

/**
 * Which events the inbox's processor handles in order, in one segment: an agency's notices and receipts, so that its
 * inbox (one list across all its children's journeys) has one writer at a time, and a receipt follows its notice
 * even when it was stored outside the journey's stream. Anything else is a sequence of its own.
 */
public final class ByAgency implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == AgencyNotified.class || type == NoticeAcknowledged.class) {
            Object payload = event.getPayload();
            AgencyCode agency = payload instanceof AgencyNotified notice ? notice.agency()
                    : ((NoticeAcknowledged) payload).agency();
            return agency.value();
        }
        return event.getIdentifier();
    }
}

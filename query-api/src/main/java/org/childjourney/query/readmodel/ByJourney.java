package org.childjourney.query.readmodel;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneyEvent;
import org.jspecify.annotations.Nullable;

/**
 * Which events a read-model processor handles in order, in one segment (and which wait together behind a dead
 * letter): those of one journey. That is the journey's own stream (its aggregate's events), any journey event stored
 * outside it (a notice or receipt recorded before journeys raised them) and the records of reads of the journey,
 * which the query API publishes outside it. Any other event (a search, a read of an inbox or of the audit trail,
 * naming several journeys or none) is a sequence of its own.
 */
public final class ByJourney implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        // An event of an aggregate's stream has its type; one published outside any stream is stored without.
        if (event instanceof DomainEventMessage<?> stream && stream.getType() != null) {
            return stream.getAggregateIdentifier();
        }
        Class<?> type = event.getPayloadType();
        if (JourneyEvent.class.isAssignableFrom(type) || type == JourneyDisclosed.class
                || type == AccessRefused.class) {
            ChildJourneyId journey = journeyOf(event.getPayload());
            if (journey != null) {
                return journey.toString();
            }
        }
        return event.getIdentifier();
    }

    private static @Nullable ChildJourneyId journeyOf(Object payload) {
        if (payload instanceof JourneyEvent journeyEvent) {
            return journeyEvent.journeyId();
        }
        return payload instanceof JourneyDisclosed disclosed ? disclosed.journeyId()
                : ((AccessRefused) payload).journeyId();
    }
}

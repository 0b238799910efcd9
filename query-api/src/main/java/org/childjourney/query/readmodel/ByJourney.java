package org.childjourney.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.JourneyDisclosed;

/**
 * Which events a read-model processor handles in order, in one segment (and which wait together behind a dead
 * letter): those of one journey, the journey's own events (its aggregate's stream) with the records of reads of it,
 * which the query API publishes outside the stream. Any other event (a search, a read of an inbox or of the audit
 * trail, naming several journeys or none) is a sequence of its own.
 */
public final class ByJourney implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == JourneyDisclosed.class) {
            return ((JourneyDisclosed) event.getPayload()).journeyId().toString();
        }
        if (type == AccessRefused.class) {
            return ((AccessRefused) event.getPayload()).journeyId().toString();
        }
        Object stream = SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        return stream != null ? stream : event.getIdentifier();
    }
}

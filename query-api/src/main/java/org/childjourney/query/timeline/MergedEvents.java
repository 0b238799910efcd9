package org.childjourney.query.timeline;

import java.util.Collection;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEvent;

/**
 * The events of several journeys (a child's linked journeys) read as one journey's: each journey's stream in its own
 * order, merged by when each event was recorded, ties by journey id, so that one fold of them sees one child's record
 * as it grew. Each stream is read lazily, from its first event, as far as {@code within} allows, from the storage
 * engine: committed events only, never those a unit of work has staged.
 */
final class MergedEvents {

    private static final Comparator<DomainEventStream> BY_RECORDED = Comparator
            .comparing((DomainEventStream stream) -> stream.peek().getTimestamp())
            .thenComparing(stream -> stream.peek().getAggregateIdentifier());

    private MergedEvents() {
    }

    /**
     * Hands each event of the journeys to {@code each}, oldest first, while {@code within} holds for the journey's
     * next event: a journey's stream ends at its first event outside.
     */
    static void replay(EventStorageEngine store, Collection<ChildJourneyId> journeys,
            Predicate<DomainEventMessage<?>> within, BiConsumer<JourneyEvent, DomainEventMessage<?>> each) {
        PriorityQueue<DomainEventStream> heads = new PriorityQueue<>(BY_RECORDED);
        journeys.forEach(journeyId -> offer(heads, store.readEvents(journeyId.toString(), 0), within));
        while (!heads.isEmpty()) {
            DomainEventStream stream = heads.poll();
            DomainEventMessage<?> message = stream.next();
            each.accept((JourneyEvent) message.getPayload(), message);
            offer(heads, stream, within);
        }
    }

    private static void offer(PriorityQueue<DomainEventStream> heads, DomainEventStream stream,
            Predicate<DomainEventMessage<?>> within) {
        if (stream.hasNext() && within.test(stream.peek())) {
            heads.add(stream);
        }
    }
}

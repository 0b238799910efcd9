package org.childjourney.query.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.JourneyFactsFold;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.query.config.QueryProperties;
import org.springframework.stereotype.Component;

/**
 * A journey's facts as of its latest event, folded from the event store ({@link JourneyFactsFold}) at every read and
 * never taken from a read model, which may lag: an event that narrows access governs the very next read after its
 * {@code 201}. Each read asks the store for the journey's latest sequence number (one indexed query), then reads the
 * events after the fold it keeps for the journey (one more): always these two queries, whether the journey is
 * unknown, known and folded already, or known and not, so that the number of queries never tells a known journey
 * from an unknown one. The folds of recently read journeys are kept with the sequence number they reached, so that
 * only the events recorded since are read and folded.
 */
@Component
class JourneyFactsFromEvents implements JourneyFactsSource {

    private final EventStore events;
    private final Map<ChildJourneyId, Folded> recent;

    JourneyFactsFromEvents(EventStore events, QueryProperties properties) {
        this.events = events;
        int capacity = properties.foldedJourneys();
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ChildJourneyId, Folded> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Always the same two calls to the store, whether the journey is unknown, known and folded already, or known
     * and not: a refusal's timing does not tell a known journey from an unknown one by the number of queries.
     */
    @Override
    public JourneyFacts factsOf(ChildJourneyId journeyId) {
        Optional<Long> latest = events.lastSequenceNumberFor(journeyId.toString());
        Folded known = cached(journeyId);
        long sequence = known == null ? -1 : known.sequence();
        // From after the fold kept, or after the latest event when the fold is current: then the read is empty.
        long from = latest.isPresent() && sequence >= latest.get() ? latest.get() + 1 : sequence + 1;
        DomainEventStream stream = events.readEvents(journeyId.toString(), from);
        JourneyFactsFold fold = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (fold == null) {
                fold = known == null ? new JourneyFactsFold() : new JourneyFactsFold(known.fold());
            }
            fold.when((JourneyEvent) message.getPayload(), message.getTimestamp());
            sequence = message.getSequenceNumber();
        }
        if (fold == null) {
            return latest.isEmpty() || known == null ? JourneyFacts.unknown() : known.facts();
        }
        Folded folded = new Folded(sequence, fold, fold.facts());
        remember(journeyId, folded);
        return folded.facts();
    }

    private Folded cached(ChildJourneyId journeyId) {
        synchronized (recent) {
            return recent.get(journeyId);
        }
    }

    /** Keeps the furthest fold: a slower concurrent read must not replace a newer one. */
    private void remember(ChildJourneyId journeyId, Folded folded) {
        synchronized (recent) {
            recent.merge(journeyId, folded, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
        }
    }

    /** A journey's fold, never changed once kept, and the facts it gave, at a sequence number. */
    private record Folded(long sequence, JourneyFactsFold fold, JourneyFacts facts) {
    }
}

package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.JourneyFactsFold;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.query.config.QueryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A journey's facts as of its latest event, folded from the event store ({@link JourneyFactsFold}) at every read and
 * never taken from a read model, which may lag: an event that narrows access governs the very next read after its
 * {@code 201}. Each read asks the store for the journey's latest sequence number (one indexed query), then reads the
 * events after the fold it keeps for the journey (one more): always these two queries, whether the journey is
 * unknown, known and folded already, or known and not, so that the number of queries never tells a known journey
 * from an unknown one. The folds of recently read journeys are kept with the sequence number they reached, so that
 * only the events recorded since are read and folded. A journey linked to others answers with the facts of them all,
 * folded as one journey's: one child's record, one set of facts.
 */
@Component
class JourneyFactsFromEvents implements JourneyFactsSource {

    private final EventStorageEngine events;
    private final Map<ChildJourneyId, Folded> recent;
    /** The facts of linked journeys read as one, by how far each journey's own fold reached. */
    private final Map<Map<ChildJourneyId, Long>, JourneyFacts> recentlyLinked;

    JourneyFactsFromEvents(EventStorageEngine events, QueryProperties properties) {
        this.events = events;
        int capacity = properties.foldedJourneys();
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ChildJourneyId, Folded> eldest) {
                return size() > capacity;
            }
        };
        this.recentlyLinked = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Map<ChildJourneyId, Long>, JourneyFacts> eldest) {
                return size() > capacity / 8 + 1;
            }
        };
    }

    /**
     * Always the same two calls to the store, whether the journey is unknown, known and folded already, or known
     * and not: a refusal's timing does not tell a known journey from an unknown one by the number of queries. A
     * journey linked to others costs more: their own folds, then one fold of all their events merged.
     */
    @Override
    public JourneyFacts factsOf(ChildJourneyId journeyId) {
        Folded own = own(journeyId);
        if (own == null) {
            return JourneyFacts.unknown();
        }
        return own.facts().linked().isEmpty() ? own.facts() : linked(journeyId, own);
    }

    @Override
    public Optional<EntryFacts> ownEntry(ChildJourneyId journeyId, EntryId entryId) {
        Folded own = own(journeyId);
        return own == null ? Optional.empty()
                : own.facts().entries().stream().filter(entry -> entry.entryId().equals(entryId)).findFirst();
    }

    @Override
    public JourneyFacts factsAsAt(ChildJourneyId journeyId, Instant asAt,
            BiConsumer<JourneyEvent, Instant> each) {
        // The journey's own events first, kept: without a link in force then, they are the answer, read once.
        List<Map.Entry<JourneyEvent, Instant>> own = new ArrayList<>();
        JourneyFactsFold alone = new JourneyFactsFold();
        MergedEvents.replay(events, List.of(journeyId), message -> !message.getTimestamp().isAfter(asAt),
                (event, message) -> {
                    alone.when(event, message.getTimestamp());
                    own.add(Map.entry(event, message.getTimestamp()));
                });
        JourneyFacts facts = alone.facts();
        if (facts.linked().isEmpty()) {
            own.forEach(event -> each.accept(event.getKey(), event.getValue()));
            return facts;
        }
        Set<ChildJourneyId> journeys = new HashSet<>(List.of(journeyId));
        Deque<ChildJourneyId> next = new ArrayDeque<>(facts.linked());
        while (!next.isEmpty() && journeys.size() < JourneyFacts.MOST_LINKED) {
            ChildJourneyId journey = next.pop();
            if (journeys.add(journey)) {
                JourneyFactsFold fold = new JourneyFactsFold();
                MergedEvents.replay(events, List.of(journey), message -> !message.getTimestamp().isAfter(asAt),
                        (event, message) -> fold.when(event, message.getTimestamp()));
                next.addAll(fold.facts().linked());
            }
        }
        JourneyFactsFold then = new JourneyFactsFold();
        MergedEvents.replay(events, journeys, message -> !message.getTimestamp().isAfter(asAt), (event, message) -> {
            then.when(event, message.getTimestamp());
            each.accept(event, message.getTimestamp());
        });
        return then.facts().sealedIfNotWhole();
    }

    /** The journey's own fold, from its own events alone, or {@code null} if the store holds no such journey. */
    private @Nullable Folded own(ChildJourneyId journeyId) {
        Optional<Long> latest = events.lastSequenceNumberFor(journeyId.toString());
        Folded known = cached(journeyId);
        long sequence = known == null ? -1 : known.sequence();
        // From after the fold kept, or after the latest event when the fold is current: then the read is empty.
        long from = latest.isPresent() && sequence >= latest.get() ? latest.get() + 1 : sequence + 1;
        DomainEventStream stream = events.readEvents(journeyId.toString(), from);
        JourneyFactsFold fold = null;
        // The storage engine's, not the event store's: committed events only. Inside a command's unit of work the
        // event store would add those it staged, which a rollback takes back after the fold had kept them.
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (fold == null) {
                fold = known == null ? new JourneyFactsFold() : new JourneyFactsFold(known.fold());
            }
            fold.when((JourneyEvent) message.getPayload(), message.getTimestamp());
            sequence = message.getSequenceNumber();
        }
        if (fold == null) {
            return latest.isEmpty() ? null : known;
        }
        Folded folded = new Folded(sequence, fold, fold.facts());
        remember(journeyId, folded);
        return folded;
    }

    /**
     * The facts of the child's record as one: the journey and every journey linked to it, directly or through
     * another (at most {@link JourneyFacts#MOST_LINKED}), their events folded as one journey's in the order recorded,
     * as far as each journey's own fold reached. Kept while no journey of them has a new event. A record whose links
     * reach beyond them is sealed ({@link JourneyFacts#sealedIfNotWhole()}): never read in part.
     */
    private JourneyFacts linked(ChildJourneyId journeyId, Folded own) {
        Map<ChildJourneyId, Long> reached = new HashMap<>(Map.of(journeyId, own.sequence()));
        Deque<ChildJourneyId> next = new ArrayDeque<>(own.facts().linked());
        while (!next.isEmpty() && reached.size() < JourneyFacts.MOST_LINKED) {
            ChildJourneyId other = next.pop();
            Folded folded = reached.containsKey(other) ? null : own(other);
            if (folded != null) {
                reached.put(other, folded.sequence());
                next.addAll(folded.facts().linked());
            }
        }
        synchronized (recentlyLinked) {
            JourneyFacts kept = recentlyLinked.get(reached);
            if (kept != null) {
                return kept;
            }
        }
        JourneyFactsFold fold = new JourneyFactsFold();
        MergedEvents.replay(events, reached.keySet(), message -> message.getSequenceNumber()
                <= reached.get(ChildJourneyId.of(message.getAggregateIdentifier())),
                (event, message) -> fold.when(event, message.getTimestamp()));
        JourneyFacts facts = fold.facts().sealedIfNotWhole();
        synchronized (recentlyLinked) {
            recentlyLinked.put(reached, facts);
        }
        return facts;
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

package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.JourneyEvent;

/**
 * The access facts of a journey as of its latest event, for every read and decision: folded from the event store
 * ({@link JourneyFactsFromEvents}), never read from a read model; for a journey linked to others, of them all as
 * one.
 */
public interface JourneyFactsSource {

    /** The journey's facts, or {@link JourneyFacts#unknown()} if the record holds no such journey. */
    JourneyFacts factsOf(ChildJourneyId journeyId);

    /**
     * The entry as its journey's own events record it (not those of journeys linked to it), or empty if they hold no
     * such entry: the journey's own fold, kept and read on from where it reached, as for {@link #factsOf}.
     */
    Optional<EntryFacts> ownEntry(ChildJourneyId journeyId, EntryId entryId);

    /**
     * The facts as they stood at {@code asAt}, of the journey and of the journeys linked to it then: their events
     * recorded by then, each handed to {@code each} as it is folded, merged in the order they were recorded.
     */
    JourneyFacts factsAsAt(ChildJourneyId journeyId, Instant asAt, BiConsumer<JourneyEvent, Instant> each);
}

package org.childjourney.query.timeline;

import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.ChildJourneyId;

/**
 * The access facts of a journey as of its latest event, for every read and decision: folded from the event store
 * ({@link JourneyFactsFromEvents}), never read from a read model.
 */
public interface JourneyFactsSource {

    /** The journey's facts, or {@link JourneyFacts#unknown()} if the record holds no such journey. */
    JourneyFacts factsOf(ChildJourneyId journeyId);
}

package org.childjourney.query.timeline;

import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.ChildJourneyId;

/** The access facts of a journey, for reads other than the timeline (search, the access log). */
public interface JourneyFactsSource {

    /** The journey's facts, or {@link JourneyFacts#unknown()} if the record holds no such journey. */
    JourneyFacts factsOf(ChildJourneyId journeyId);
}

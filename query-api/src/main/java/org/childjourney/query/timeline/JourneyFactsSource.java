package org.childjourney.query.timeline;

import java.util.List;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.ChildJourneyId;

/** The access facts of a journey, for reads and decisions other than the timeline. */
public interface JourneyFactsSource {

    /** The journey's facts, or {@link JourneyFacts#unknown()} if the record holds no such journey. */
    JourneyFacts factsOf(ChildJourneyId journeyId);

    /** The decisions not to share recorded on the journey, oldest first, for auditors. */
    List<DecisionNotToShare> nonDisclosures(ChildJourneyId journeyId);
}

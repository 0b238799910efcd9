package org.childjourney.query.timeline;

import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;

/** The decisions not to share recorded on a journey, as auditors read them beside its access log. */
public interface NonDisclosures {

    /** The decisions recorded on the journey, oldest first; none for an unknown journey. */
    List<DecisionNotToShare> recordedOn(ChildJourneyId journeyId);
}

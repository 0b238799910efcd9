package org.childjourney.query.timeline;

import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;

/**
 * The decisions not to share recorded on a journey, and the releases and decisions not to share it refused, as
 * auditors read them beside its access log.
 */
public interface NonDisclosures {

    /** The decisions recorded on the journey, oldest first; none for an unknown journey. */
    List<DecisionNotToShare> recordedOn(ChildJourneyId journeyId);

    /** The sharing decisions the journey refused, oldest first. */
    List<RefusedSharing> refusedOn(ChildJourneyId journeyId);
}

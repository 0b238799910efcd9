package org.childjourney.query.timeline;

import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;

/**
 * The decisions not to share recorded on a journey, and the releases and decisions not to share it refused, as
 * auditors read them beside its access log.
 */
public interface NonDisclosures {

    /**
     * Both lists of the journeys (a journey and those linked to it), oldest first, from one read of their timelines;
     * empty for unknown journeys.
     */
    Recorded recordedOn(List<ChildJourneyId> journeyIds);

    /** The decisions not to share, and the sharing decisions the journey refused. */
    record Recorded(List<DecisionNotToShare> notToShare, List<RefusedSharing> refused) {
    }
}

package org.childjourney.query.timeline;

import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;

/**
 * The decisions not to share recorded on a journey, and the releases and decisions not to share it refused, as
 * auditors read them beside its access log.
 */
public interface NonDisclosures {

    /** Both lists of the journey, oldest first, from one read of its timeline; empty for an unknown journey. */
    Recorded recordedOn(ChildJourneyId journeyId);

    /** The decisions not to share, and the sharing decisions the journey refused. */
    record Recorded(List<DecisionNotToShare> notToShare, List<RefusedSharing> refused) {
    }
}

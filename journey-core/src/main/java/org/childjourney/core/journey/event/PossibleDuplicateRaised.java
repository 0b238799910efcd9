package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.DuplicateReason;

/**
 * The gateway found that this journey may be the same child's as another: a task for the hub, which decides. Names
 * why, the likeness score of the demographics where they were compared, and the reasons in plain words ("same date
 * of birth", "different given name"), never the child's details. A journey opened with such a task is provisional
 * until the hub decides.
 */
@Revision("1")
public record PossibleDuplicateRaised(ChildJourneyId journeyId, String taskId, ChildJourneyId otherJourneyId,
        DuplicateReason reason, double score, List<String> reasons) implements JourneyEvent {

    public PossibleDuplicateRaised {
        reasons = List.copyOf(reasons);
    }
}

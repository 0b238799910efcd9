package org.childjourney.core.journey.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.DuplicateReason;

/** Raise a task for the hub: this journey may be the same child's as another. */
public record RaisePossibleDuplicate(@TargetAggregateIdentifier ChildJourneyId journeyId, String taskId,
        ChildJourneyId otherJourneyId, DuplicateReason reason, double score, List<String> reasons) {
}

package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.DuplicateDecision;
import org.childjourney.core.person.Sensitive;

/** Record the hub's decision on a possible duplicate raised on the journey. */
public record ResolvePossibleDuplicate(@TargetAggregateIdentifier ChildJourneyId journeyId, String taskId,
        Viewer decidedBy, DuplicateDecision decision, Sensitive<String> evidence) {
}

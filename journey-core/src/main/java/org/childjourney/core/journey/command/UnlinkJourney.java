package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/** Undo on the journey its link to the other: one side of an unlink, sent to each journey. */
public record UnlinkJourney(@TargetAggregateIdentifier ChildJourneyId journeyId, ChildJourneyId otherJourneyId,
        Viewer unlinkedBy, @Nullable Sensitive<String> evidence) {
}

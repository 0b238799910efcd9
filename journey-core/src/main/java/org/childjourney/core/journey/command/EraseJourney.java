package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ErasureGround;

/** Erase the journey's content, on a ground the law gives, for a reason an administrator states (ADR 0015). */
public record EraseJourney(@TargetAggregateIdentifier ChildJourneyId journeyId, Viewer erasedBy, ErasureGround ground,
        String reason) {
}

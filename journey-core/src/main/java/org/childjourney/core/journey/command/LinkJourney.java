package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/** Record on the journey that it and the other are one child's: one side of a link, sent to each journey. */
public record LinkJourney(@TargetAggregateIdentifier ChildJourneyId journeyId, ChildJourneyId otherJourneyId,
        Viewer linkedBy, Sensitive<String> evidence) {
}

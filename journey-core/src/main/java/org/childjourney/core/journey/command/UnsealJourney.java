package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/** Unseal a sealed journey. */
public record UnsealJourney(@TargetAggregateIdentifier ChildJourneyId journeyId, Viewer unsealedBy, Sensitive<String> reason) {
}

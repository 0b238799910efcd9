package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/** Seal the journey, so that only auditors may find or read it. */
public record SealJourney(@TargetAggregateIdentifier ChildJourneyId journeyId, Viewer sealedBy, Sensitive<String> reason) {
}

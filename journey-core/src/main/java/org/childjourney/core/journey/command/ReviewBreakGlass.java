package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.BreakGlassOutcome;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/** Record an auditor's review of a break-glass grant on the journey. */
public record ReviewBreakGlass(@TargetAggregateIdentifier ChildJourneyId journeyId, String grantId,
        Viewer reviewer, BreakGlassOutcome outcome, Sensitive<String> note) {
}

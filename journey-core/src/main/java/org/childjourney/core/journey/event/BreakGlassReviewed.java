package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.BreakGlassOutcome;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/** An auditor reviewed a break-glass grant: whether the emergency access was justified, and why. */
@Revision("1")
public record BreakGlassReviewed(ChildJourneyId journeyId, String grantId, Viewer reviewer,
        BreakGlassOutcome outcome, Sensitive<String> note) implements JourneyEvent {
}

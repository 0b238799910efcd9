package org.childjourney.core.journey.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/**
 * A practitioner without another ground was granted emergency access to the journey (ground {@code break-glass}),
 * for four hours from their first emergency read. Recorded on the journey, so that two simultaneous reads open one
 * grant; every grant waits in the auditors' review queue until reviewed. A seal ends every open grant.
 */
@Revision("1")
public record BreakGlassGranted(ChildJourneyId journeyId, String grantId, Viewer reader,
        Sensitive<String> justification, Instant openedAt, Instant expiresAt) implements JourneyEvent {
}

package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/**
 * The journey was sealed (for example after adoption): from now on search does not find it and nobody but an
 * auditor may read it. Nothing is erased.
 */
@Revision("1")
public record JourneySealed(ChildJourneyId journeyId, Viewer sealedBy, Sensitive<String> reason)
        implements JourneyEvent {
}

package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/** A sealed journey was unsealed, with the reason; the usual rules apply to it again. */
@Revision("1")
public record JourneyUnsealed(ChildJourneyId journeyId, Viewer unsealedBy, Sensitive<String> reason)
        implements JourneyEvent {
}

package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/**
 * A link between this journey and the other was undone: recorded on both, in one transaction. Each answers again
 * with its own timeline and facts alone, as before the link.
 */
@Revision("1")
public record JourneysUnlinked(ChildJourneyId journeyId, ChildJourneyId otherJourneyId, Viewer unlinkedBy,
        @Nullable Sensitive<String> evidence) implements JourneyEvent {
}

package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/**
 * The hub (or an administrator) recorded that this journey and the other are one child's: recorded on both, in one
 * transaction. From then on either id answers with one timeline and one set of access facts; nothing is moved, so
 * an unlink ({@link JourneysUnlinked}) restores both exactly.
 */
@Revision("1")
public record JourneysLinked(ChildJourneyId journeyId, ChildJourneyId otherJourneyId, Viewer linkedBy,
        Sensitive<String> evidence) implements JourneyEvent {
}

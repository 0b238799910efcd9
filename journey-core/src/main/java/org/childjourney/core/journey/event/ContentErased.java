package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.journey.ChildJourneyId;

/**
 * An event of an erased journey, whose content cannot be read any more: what the store returns in the place of each
 * of the journey's enciphered events once its key is deleted (ADR 0015). Never stored: its JSON is what the opening
 * upcaster gives.
 */
@Revision("1")
public record ContentErased(ChildJourneyId journeyId) implements JourneyEvent {
}

package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEntry;

/**
 * Add one entry to a child's journey, as an agency submitted it: the entry, of any type, with its journey and entry
 * ids already chosen by the caller. The journey decides whether it may be added (and records it as it is) or
 * refuses it, storing nothing.
 */
public record RecordEntry(JourneyEntry entry) {

    @TargetAggregateIdentifier
    public ChildJourneyId journeyId() {
        return entry.journeyId();
    }

    /** Names the entry's type only: the entry holds the child's identifiers and the agency's free text. */
    @Override
    public String toString() {
        return "RecordEntry[" + entry.getClass().getSimpleName() + "]";
    }
}

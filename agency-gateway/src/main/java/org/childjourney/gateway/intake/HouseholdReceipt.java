package org.childjourney.gateway.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;

/**
 * The answer for a recorded household submission: each child's journey and entry, in the order the submission named
 * the children, and the reference every one of those entries carries.
 *
 * @param recordedAt when the event store recorded the first child's entry (the others, in the same transaction, a
 *                   moment later)
 * @param created    whether this call recorded it, rather than finding it recorded already
 */
record HouseholdReceipt(List<Child> journeys, UUID householdReference, Instant recordedAt,
        @JsonIgnore boolean created) implements Acknowledgement {

    HouseholdReceipt {
        journeys = List.copyOf(journeys);
    }

    /** One child's entry. */
    record Child(ChildJourneyId journeyId, EntryId entryId) {
    }
}

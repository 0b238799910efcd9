package org.childjourney.gateway.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;

/**
 * The answer for a recorded submission about one child.
 *
 * @param recordedAt when the event store recorded the entry
 * @param created    whether this call recorded it, rather than finding it recorded already
 */
record Receipt(ChildJourneyId journeyId, EntryId entryId, Instant recordedAt, @JsonIgnore boolean created)
        implements Acknowledgement {
}

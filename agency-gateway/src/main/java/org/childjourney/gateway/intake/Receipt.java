package org.childjourney.gateway.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;

/**
 * What the gateway answers for a recorded submission: the same body for the first submission ({@code 201}) and
 * for every resend ({@code 200}).
 *
 * @param recordedAt when the event store recorded the entry
 * @param created    whether this call recorded it, rather than finding it recorded already
 */
record Receipt(ChildJourneyId journeyId, EntryId entryId, Instant recordedAt, @JsonIgnore boolean created) {
}

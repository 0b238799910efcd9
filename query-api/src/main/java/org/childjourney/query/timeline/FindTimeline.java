package org.childjourney.query.timeline;

import java.time.Instant;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Read a child's timeline, as this reader, for this purpose: its entries that happened from {@code from} to
 * {@code to} (each end inclusive, either open). Only the entries shown are recorded as disclosed.
 */
public record FindTimeline(ChildJourneyId journeyId, Reader reader, @Nullable Instant from, @Nullable Instant to) {

    /** The whole timeline. */
    public FindTimeline(ChildJourneyId journeyId, Reader reader) {
        this(journeyId, reader, null, null);
    }

    boolean covers(Instant occurredAt) {
        return (from == null || !occurredAt.isBefore(from)) && (to == null || !occurredAt.isAfter(to));
    }
}

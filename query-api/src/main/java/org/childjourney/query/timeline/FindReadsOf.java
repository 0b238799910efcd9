package org.childjourney.query.timeline;

import java.time.Instant;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * The reads of a journey recorded by {@code until} (from its access log), all of them or one viewer's, oldest first:
 * answered by the access log's handler, so that the timeline needs no part of it.
 */
public record FindReadsOf(ChildJourneyId journeyId, @Nullable String viewer, Instant until) {
}

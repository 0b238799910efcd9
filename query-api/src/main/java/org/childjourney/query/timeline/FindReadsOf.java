package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * The reads of journeys (a journey and those linked to it) recorded by {@code until} (from their access logs), all of
 * them or one viewer's, oldest first: answered by the access log's handler, so that the timeline needs no part of it.
 */
public record FindReadsOf(List<ChildJourneyId> journeyIds, @Nullable String viewer, Instant until) {

    public FindReadsOf {
        journeyIds = List.copyOf(journeyIds);
    }
}

package org.childjourney.query.audit;

import java.time.Instant;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * The disclosure records that match every filter given, oldest first, from after where the previous page ended.
 *
 * @param auditor who asks: the listing is itself recorded
 */
public record FindDisclosures(Viewer auditor, @Nullable ChildJourneyId journeyId, @Nullable String viewer,
        @Nullable Instant from, @Nullable Instant to, PageToken after) {
}

package org.childjourney.query.timeline;

import java.time.Instant;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.Reader;
import org.jspecify.annotations.Nullable;

/**
 * An auditor's review of a child's timeline exactly as it had been recorded by {@code asAt}; with a {@code viewer},
 * also what that viewer's reads up to then disclosed and, for {@code viewerPurpose}, what the facts and the policy
 * version in force then would have let them see.
 */
public record FindTimelineAsAt(ChildJourneyId journeyId, Reader reader, Instant asAt, @Nullable String viewer,
        @Nullable Purpose viewerPurpose) {
}

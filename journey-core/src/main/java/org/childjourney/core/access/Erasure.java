package org.childjourney.core.access;

import java.time.Instant;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ErasureGround;

/**
 * That a journey's content was erased, as the audit trail keeps it (ADR 0015): which journey, who erased it, when,
 * on what ground and why.
 */
public record Erasure(ChildJourneyId journeyId, Viewer erasedBy, Instant erasedAt, ErasureGround ground,
        String reason) {
}

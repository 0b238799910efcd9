package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ErasureGround;

/**
 * The journey's content was erased (ADR 0015): its key is deleted, so its earlier events are read as
 * {@link ContentErased}, and the journey takes nothing more. Stored in clear, the one event of the journey that is, for
 * the audit trail: that the record existed, who erased it, on what ground and why. The reason is the administrator's
 * words about the decision, never about the child.
 */
@Revision("1")
public record JourneyErased(ChildJourneyId journeyId, Viewer erasedBy, ErasureGround ground, String reason)
        implements JourneyEvent {
}

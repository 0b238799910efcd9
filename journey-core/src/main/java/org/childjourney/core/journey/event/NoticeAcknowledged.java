package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * An agency's system acknowledged an inbox item: the receipt, in the stream of the journey the notice concerns.
 * Revision 1 receipts were published beside the journey's stream and name no journey ({@code null}).
 */
@Revision("2")
public record NoticeAcknowledged(String noticeId, AgencyCode agency, String acknowledgedBy,
        @Nullable ChildJourneyId journeyId) implements JourneyEvent {
}

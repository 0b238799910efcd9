package org.childjourney.core.journey.event;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.jspecify.annotations.Nullable;

/**
 * A notice was raised for an agency's inbox: it names the journey and the entries it concerns and carries only a
 * summary the receiving agency may see. Raised by the journey (since policy 2026.12-1; earlier notices were
 * published beside the journey's stream, without a sequence number).
 *
 * <p>Revision 2 added {@code deliverBy}; notices of revision 1 are read without one.
 *
 * @param noticeId  the inbox item's id: random for a read's notice, derived from the entry that caused it for the
 *                  feedback loops' (so that a notice raised twice is one)
 * @param deliverBy when the agency should have it by (an Operation Encompass notice: 08:00 on the next school day),
 *                  or {@code null}
 */
@Revision("2")
public record AgencyNotified(String noticeId, AgencyCode agency, NoticeKind kind, ChildJourneyId journeyId,
        List<EntryId> entryIds, String summary, @Nullable Instant deliverBy) implements JourneyEvent {

    public AgencyNotified {
        entryIds = List.copyOf(entryIds);
    }
}

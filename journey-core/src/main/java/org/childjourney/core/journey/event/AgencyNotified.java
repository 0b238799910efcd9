package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;

/**
 * A notice was raised for an agency's inbox: it names the journey and the entries it concerns and carries only a
 * summary the receiving agency may see. Raised by the journey (since policy 2026.12-1; earlier notices were
 * published beside the journey's stream, without a sequence number).
 *
 * @param noticeId the inbox item's id, random
 */
@Revision("1")
public record AgencyNotified(String noticeId, AgencyCode agency, NoticeKind kind, ChildJourneyId journeyId,
        List<EntryId> entryIds, String summary) implements JourneyEvent {

    public AgencyNotified {
        entryIds = List.copyOf(entryIds);
    }
}

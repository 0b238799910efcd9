package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;

/**
 * An agency's system read its inbox: a read of the record like any other, appended before the items are sent. Names
 * the items shown and the journeys they concern, and who read them.
 */
@Revision("1")
public record InboxRead(AgencyCode agency, String readBy, List<String> itemIds, List<ChildJourneyId> journeyIds)
        implements InboxEvent {

    public InboxRead {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        journeyIds = journeyIds == null ? List.of() : List.copyOf(journeyIds);
    }
}

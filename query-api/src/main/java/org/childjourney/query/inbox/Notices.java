package org.childjourney.query.inbox;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AgencyNotified;
import org.springframework.stereotype.Component;

/**
 * Raises notices for agencies' inboxes, inside the read that causes them, so that a notice is stored exactly when
 * the read's disclosure record is. A notice carries only a summary the receiving agency may see.
 */
@Component
public class Notices {

    private final EventGateway events;

    Notices(EventGateway events) {
        this.events = events;
    }

    public void raise(AgencyCode agency, NoticeKind kind, ChildJourneyId journeyId, List<EntryId> entryIds,
            String summary) {
        events.publish(new AgencyNotified(UUID.randomUUID().toString(), agency, kind, journeyId, entryIds, summary));
    }
}

package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;

/**
 * A member of the multi-agency safeguarding hub released entries to another agency's practitioners, under the
 * hub's rules for releasing information outside it (seeds/003 para 3.31). Emitted for {@code POST …/releases}.
 */
@Revision("1")
public record EntriesReleased(ChildJourneyId journeyId, Viewer releasedBy, AgencyCode toAgency,
        List<EntryId> entryIds, Sensitive<String> reason) implements JourneyEvent {

    public EntriesReleased {
        entryIds = List.copyOf(entryIds);
    }
}

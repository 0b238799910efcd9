package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;

/**
 * A practitioner decided not to share entries with an agency, and why. A silence that matters to a review as much as
 * a share does (domain brief, section 5). Emitted for {@code POST …/non-disclosures}; shown to auditors.
 */
@Revision("1")
public record SharingDeclined(ChildJourneyId journeyId, Viewer decidedBy, AgencyCode toAgency,
        List<EntryId> entryIds, Sensitive<String> reason) implements JourneyEvent {

    public SharingDeclined {
        entryIds = List.copyOf(entryIds);
    }
}

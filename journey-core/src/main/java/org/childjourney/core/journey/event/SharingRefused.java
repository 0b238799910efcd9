package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.SharingRefusal;

/**
 * The journey refused a release ({@code released} true) or a decision not to share that its rules forbid: who
 * asked, for which agency and entries, and why. Nothing about sharing changed; that it was asked is part of the
 * record, for auditors. The reason given in the request is not kept.
 */
@Revision("1")
public record SharingRefused(ChildJourneyId journeyId, Viewer askedBy, boolean released, AgencyCode toAgency,
        List<EntryId> entryIds, SharingRefusal refusal) implements JourneyEvent {

    public SharingRefused {
        entryIds = List.copyOf(entryIds);
    }
}

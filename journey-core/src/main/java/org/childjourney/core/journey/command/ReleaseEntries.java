package org.childjourney.core.journey.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;

/** Release entries on this journey from the hub to another agency's practitioners. */
public record ReleaseEntries(@TargetAggregateIdentifier ChildJourneyId journeyId,
        Viewer releasedBy, AgencyCode toAgency, List<EntryId> entryIds,
        Sensitive<String> reason) {
}

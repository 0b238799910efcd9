package org.childjourney.core.journey.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;

/** Record a decision not to share entries on this journey with an agency, and why. */
public record DeclineSharing(@TargetAggregateIdentifier ChildJourneyId journeyId,
        Viewer decidedBy, AgencyCode toAgency, List<EntryId> entryIds,
        Sensitive<String> reason) {
}

package org.childjourney.core.journey.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;

/**
 * Release entries on this journey from the hub to another agency's practitioners.
 *
 * @param request who asks, for what purpose, when: the journey decides on its facts whether they may
 */
public record ReleaseEntries(@TargetAggregateIdentifier ChildJourneyId journeyId,
        AccessRequest request, AgencyCode toAgency, List<EntryId> entryIds,
        Sensitive<String> reason) {
}

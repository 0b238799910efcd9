package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.person.Sensitive;

/**
 * Record the hub's decision on a front-door item (a contact or a domestic abuse notification) from its worklist, as
 * a {@code contact-decision} of the hub member's agency, beside those social care's own system sends.
 *
 * @param request      the hub member's request, for {@code mash-triage}: the hub's ground must hold on the journey
 * @param agency       the hub member's agency, as the register knows it
 * @param entryId      the decision's entry id, chosen by the service
 * @param itemEntryId  the front-door item decided
 */
public record RecordHubDecision(@TargetAggregateIdentifier ChildJourneyId journeyId, AccessRequest request,
        Agency agency, EntryId entryId, EntryId itemEntryId, FrontDoorDecision decision,
        Sensitive<String> rationale) {
}

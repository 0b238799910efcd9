package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** Record the front door's decision on a contact already on this journey. */
public record DecideContact(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent,
        EntryId contactEntryId, FrontDoorDecision decision, Sensitive<String> rationale) implements JourneyCommand {
}

package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** Record that the family withdrew consent for a scope. */
public record WithdrawConsent(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent,
        ConsentScope scope, Sensitive<String> reason) implements JourneyCommand {
}

package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.RiskLevel;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** Record a police notification of a domestic abuse incident affecting the child. */
public record NotifyDomesticAbuse(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent,
        String incidentReference, boolean childPresent, RiskLevel riskLevel, boolean notifySchool) implements JourneyCommand {
}

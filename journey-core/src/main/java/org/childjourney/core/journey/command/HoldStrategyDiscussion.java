package org.childjourney.core.journey.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** Record children's social care's strategy discussion, its participants and its decision. */
public record HoldStrategyDiscussion(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId,
        Provenance provenance, Subject subject, Consent consent, StrategyDecision decision,
        List<AgencyCode> participants, Sensitive<String> rationale) implements JourneyCommand {
}

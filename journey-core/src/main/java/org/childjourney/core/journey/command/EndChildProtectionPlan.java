package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** Record that the child's child protection plan ended. */
public record EndChildProtectionPlan(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent,
        PlanCategory category) implements JourneyCommand {
}

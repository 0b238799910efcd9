package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/** Record a contact: information to children's social care that a child may need help. */
public record RecordContact(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent,
        Sensitive<String> reason, ConcernCategory category, @Nullable AgencyCode referrerAgency) implements JourneyCommand {
}

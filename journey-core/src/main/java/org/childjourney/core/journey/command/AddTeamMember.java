package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/** Add an agency, or one named practitioner of it, to the team around the child. */
public record AddTeamMember(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId,
        Provenance provenance, Subject subject, Consent consent, AgencyCode member, TeamRole role,
        @Nullable String practitioner) implements JourneyCommand {
}

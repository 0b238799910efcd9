package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.details.Identifier;
import org.childjourney.core.journey.details.WireName;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Children's social care added an agency, or one named practitioner of it, to the team around the child. Emitted for
 * a {@code team-member-added}; the membership lasts until it is removed or social care's involvement ends.
 */
@Revision("1")
public record TeamMemberAdded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject,
        Consent consent, @NotNull @WireName("agency") AgencyCode member, @NotNull TeamRole role,
        @Nullable @Identifier String practitioner) implements JourneyEntry {

    @Override
    public String summary() {
        return member + " joined the team around the child as " + JourneyEntry.words(role);
    }
}

package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The submitting agency started working with the child in a role (for example allocated social worker). Emitted for an {@code involvement-started}; an open involvement is a legitimate relationship.
 */
@Revision("1")
public record InvolvementStarted(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull @Text(max = 200) String role) implements JourneyEntry {

    @Override
    public String summary() {
        return agencyCode() + " started working with the child as " + role;
    }
}

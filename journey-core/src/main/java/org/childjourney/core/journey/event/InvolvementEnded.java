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
 * The submitting agency stopped working with the child in a role. Emitted for an {@code involvement-ended}; new reads no longer rely on that relationship.
 */
@Revision("1")
public record InvolvementEnded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull @Text(max = 200) String role) implements JourneyEntry {

    @Override
    public String summary() {
        return agencyCode() + " stopped working with the child as " + role;
    }
}

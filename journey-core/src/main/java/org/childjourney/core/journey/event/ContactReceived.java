package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * A contact reached children's social care: information that a child may need help. Emitted when any agency submits a {@code contact}; most contacts go no further.
 */
@Revision("1")
public record ContactReceived(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull @Text Sensitive<String> reason, @NotNull ConcernCategory category,
        @Nullable AgencyCode referrerAgency) implements JourneyEntry {

    @Override
    public String summary() {
        return "Contact about " + JourneyEntry.words(category) + " from " + agencyCode();
    }
}

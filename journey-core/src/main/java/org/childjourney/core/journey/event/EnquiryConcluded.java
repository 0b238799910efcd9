package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EnquiryOutcome;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * A s.47 enquiry opened by a strategy discussion concluded with its outcome. Emitted for an {@code s47-outcome}; it
 * closes the enquiry, and with it the enquiry's ground to read.
 */
@Revision("1")
public record EnquiryConcluded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject,
        Consent consent, EntryId strategyDiscussionEntryId, @NotNull EnquiryOutcome outcome,
        @NotNull @Text Sensitive<String> rationale)
        implements JourneyEntry {

    @Override
    public String summary() {
        return "Section 47 enquiry concluded: " + JourneyEntry.words(outcome);
    }
}

package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.ByEntryId;
import org.childjourney.core.journey.details.InTargetsShape;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The agency that recorded an entry corrected it. A new fact: the original stays in history. {@code correctedDetails} is the corrected details object as JSON, in the contract's shape for the target's type.
 */
@Revision("1")
public record EntryCorrected(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @ByEntryId EntryId targetEntryId, @NotNull @Text Sensitive<String> reason,
        @InTargetsShape Sensitive<String> correctedDetails) implements JourneyEntry {

    @Override
    public String summary() {
        return "Entry corrected by " + agencyCode();
    }
}

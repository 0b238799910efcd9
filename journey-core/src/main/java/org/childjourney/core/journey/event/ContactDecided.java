package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.details.ByEntryId;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The front door decided what to do about a contact. Emitted for a {@code contact-decision}; the rationale is for the record, never for the referrer's inbox.
 */
@Revision("1")
public record ContactDecided(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @ByEntryId EntryId contactEntryId, @NotNull FrontDoorDecision decision, @NotNull @Text Sensitive<String> rationale) implements JourneyEntry {

    @Override
    public String summary() {
        return "Front door decision: " + JourneyEntry.words(decision);
    }
}

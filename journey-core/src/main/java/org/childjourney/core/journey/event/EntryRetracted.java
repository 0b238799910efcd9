package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.ByEntryId;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The agency that recorded an entry retracted it. A new fact: the original stays in history and auditors still see it.
 */
@Revision("1")
public record EntryRetracted(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @ByEntryId EntryId targetEntryId, @NotNull @Text Sensitive<String> reason) implements JourneyEntry {

    @Override
    public String summary() {
        return "Entry retracted by " + agencyCode();
    }
}

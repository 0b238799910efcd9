package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** A school's safeguarding lead recorded a concern about the child. Emitted for a {@code school-concern}. */
@Revision("1")
public record SchoolConcernRaised(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull ConcernCategory category, @NotNull @Text Sensitive<String> description,
        @NotNull @Text Sensitive<String> actionTaken) implements JourneyEntry {

    @Override
    public String summary() {
        return "School concern about " + JourneyEntry.words(category) + " from " + agencyCode();
    }
}

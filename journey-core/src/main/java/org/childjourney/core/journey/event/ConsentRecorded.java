package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The record holder recorded the consent state of the child's journey for a scope; the status is in {@code consent}.
 */
@Revision("1")
public record ConsentRecorded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull ConsentScope scope, @NotNull @Text Sensitive<String> reason) implements JourneyEntry {

    @Override
    public String summary() {
        return "Consent " + JourneyEntry.words(consent.status()) + " for sharing with " + JourneyEntry.agencies(scope);
    }
}

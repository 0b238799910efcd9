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

/** The family withdrew consent for a scope. Takes effect on the next read. */
@Revision("1")
public record ConsentWithdrawn(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull ConsentScope scope, @NotNull @Text Sensitive<String> reason) implements JourneyEntry {

    @Override
    public String summary() {
        return "Consent withdrawn for sharing with " + JourneyEntry.agencies(scope);
    }
}

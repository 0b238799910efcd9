package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.PlanCategory;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** The child's child protection plan ended. Emitted for a {@code cp-plan-ended}. */
@Revision("1")
public record ChildProtectionPlanEnded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull PlanCategory category) implements JourneyEntry {

    @Override
    public String summary() {
        return "Child protection plan ended: " + JourneyEntry.words(category);
    }
}

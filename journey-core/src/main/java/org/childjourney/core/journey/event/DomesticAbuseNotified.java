package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.RiskLevel;
import org.childjourney.core.journey.details.Identifier;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The police notified a domestic abuse incident affecting the child. Emitted for a {@code domestic-abuse-notification}; about 60% of all contacts are these.
 */
@Revision("1")
public record DomesticAbuseNotified(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull @Identifier String incidentReference, @NotNull boolean childPresent,
        @NotNull RiskLevel riskLevel, boolean notifySchool) implements JourneyEntry {

    @Override
    public String summary() {
        return "Domestic abuse notification, " + JourneyEntry.words(riskLevel) + " risk, child "
                + (childPresent ? "present" : "not present");
    }
}

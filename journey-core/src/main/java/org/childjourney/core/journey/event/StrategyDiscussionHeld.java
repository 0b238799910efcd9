package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * Children's social care held a strategy discussion about the child with the agencies named as participants.
 * Emitted for a {@code strategy-discussion}; a decision {@code S47_ENQUIRY} opens a s.47 enquiry on the journey,
 * which social care and the participants may read for until its outcome ({@link EnquiryConcluded}) closes it.
 */
@Revision("1")
public record StrategyDiscussionHeld(ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent, @NotNull StrategyDecision decision, @NotNull List<AgencyCode> participants,
        @NotNull @Text Sensitive<String> rationale) implements JourneyEntry {

    public StrategyDiscussionHeld {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    @Override
    public String summary() {
        return "Strategy discussion: " + JourneyEntry.words(decision);
    }
}

package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.RiskLevel;
import org.childjourney.core.journey.details.Identifier;
import org.childjourney.core.journey.details.InTheWorld;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * The police recorded an episode of the child going missing: when it began, when the child was found or came back
 * if they have, the risk the police assessed, and whether an independent return interview was offered. Repeated
 * episodes are a sign of exploitation that no single agency sees (domain: the police's "missing episodes").
 * Emitted for a {@code missing-episode}.
 */
@Revision("1")
public record MissingEpisodeReported(ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent, @NotNull @Identifier String reportReference,
        @NotNull @InTheWorld Instant missingFrom, @Nullable @InTheWorld Instant returnedAt,
        @NotNull RiskLevel riskLevel, @NotNull boolean returnInterviewOffered) implements JourneyEntry {

    @Override
    public String summary() {
        return "Missing episode, " + JourneyEntry.words(riskLevel) + " risk, "
                + (returnedAt == null ? "no return recorded" : "returned");
    }
}

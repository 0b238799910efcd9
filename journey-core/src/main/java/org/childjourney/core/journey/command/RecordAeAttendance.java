package org.childjourney.core.journey.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/** Record an emergency department attendance. */
public record RecordAeAttendance(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent,
        String site, Sensitive<String> presentingComplaint, boolean injury, Instant dischargedAt,
        @Nullable Sensitive<String> safeguardingConcern) implements JourneyCommand {
}

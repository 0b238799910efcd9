package org.childjourney.core.journey.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/** The child attended an emergency department. Emitted for an {@code ae-attendance}. */
@Revision("1")
public record AeAttendanceRecorded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        String site, Sensitive<String> presentingComplaint, boolean injury, Instant dischargedAt,
        @Nullable Sensitive<String> safeguardingConcern) implements JourneyEntry {
}

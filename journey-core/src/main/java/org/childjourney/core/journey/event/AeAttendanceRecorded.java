package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.details.InTheWorld;
import org.childjourney.core.journey.details.Text;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/** The child attended an emergency department. Emitted for an {@code ae-attendance}. */
@Revision("1")
public record AeAttendanceRecorded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        @NotNull @Text(max = 200) String site, @NotNull @Text Sensitive<String> presentingComplaint,
        @NotNull boolean injury, @NotNull @InTheWorld Instant dischargedAt,
        @Nullable @Text Sensitive<String> safeguardingConcern) implements JourneyEntry {

    @Override
    public String summary() {
        return "A&E attendance at " + site + (injury ? ", with an injury" : "");
    }
}

package org.childjourney.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A child's timeline as one reader may see it: entries ordered by when they happened, then when they were
 * recorded, with the purpose and lawful basis this read relied on.
 *
 * @param asOf  the recorded time of the latest event the read model holds
 * @param flags for an emergency department's check (purpose {@code unscheduled-care}) only
 */
public record Timeline(String journeyId, @Nullable Instant asOf, String purpose, String lawfulBasis,
        @Nullable Flags flags, List<Entry> entries) {

    /** One entry on the timeline. {@code redacted} names the fields this purpose may not see. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String entryId, String type, Instant occurredAt, Instant recordedAt, Agency agency,
            String summary, Map<String, Object> details, String consent, String status, List<String> redacted) {
    }

    /** The agency that recorded an entry. */
    public record Agency(String code, String kind) {
    }

    /** What an emergency department may know at triage: whether there is a plan, and how often the child came. */
    public record Flags(boolean childProtectionPlan, int priorAttendances) {
    }
}

package org.childjourney.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * A child's timeline as one reader may see it: entries ordered by when they happened, then when they were
 * recorded, with the purpose, the grounds and the lawful basis this read relied on.
 *
 * @param asOf    the recorded time of the latest event the read model holds
 * @param grounds the grounds the read rests on ({@code own-record}, {@code lead}, ...); the reader sees their union
 * @param flags   where a ground shows them: the plan, social care's involvement and lead, prior attendances
 * @param possibleDuplicate whether the hub is deciding whether this journey is one of two of one child's (for a new
 *                          child, it is provisional): other entries about the child may be on another journey for
 *                          now; shown only when true
 * @param linkedJourneys    the other journeys read with this one, as one child's: linked to it by the hub, directly
 *                          or through another; their entries are among {@code entries}; shown only when there are
 */
public record Timeline(String journeyId, @Nullable Instant asOf, String purpose, List<String> grounds,
        String lawfulBasis, @Nullable Flags flags,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean possibleDuplicate,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChildJourneyId> linkedJourneys, List<Entry> entries) {

    /** The order entries are shown in: when they happened, then when the record learned of them. */
    static final Comparator<Entry> CHRONOLOGICAL = Comparator.comparing(Entry::occurredAt)
            .thenComparing(Entry::recordedAt);

    /**
     * One entry on the timeline. {@code redacted} names the fields this read may not see: an entry shown only as
     * existing has neither summary nor details. {@code household}, for an entry a household submission made, is
     * shown with the details and redacted with them. {@code history} is for reviews only.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String entryId, String type, Instant occurredAt, Instant recordedAt, Agency agency,
            @Nullable String summary, Map<String, Object> details, @Nullable Household household, String consent,
            String status, List<String> redacted, @Nullable History history) {
    }

    /**
     * The household an entry was recorded in: the reference every child's entry of that submission carries, how many
     * children it named, and the adults living with them.
     */
    public record Household(String reference, int children, List<Adult> adults) {
    }

    /** An adult of a household: how they stand to the children ({@code parents-partner}) and their name, if given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adult(String relationship, @Nullable String givenName, @Nullable String familyName) {
    }

    /**
     * For a review, how an entry came to stand as it does: what it first said ({@code original}, for a corrected
     * entry), each correction and retraction in the order recorded, and who was shown it before its first
     * correction.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record History(@Nullable Map<String, Object> original, List<Amendment> amendments,
            List<EarlierRead> readBeforeCorrection) {
    }

    /**
     * A correction or retraction: its own entry id, {@code corrected} or {@code retracted}, when the record learned
     * of it, the agency that made it and why; a correction's details.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amendment(String entryId, String kind, Instant recordedAt, String agency, @Nullable Object reason,
            @Nullable Map<String, Object> details) {
    }

    /** A read that disclosed an entry before it was first corrected. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EarlierRead(String viewer, @Nullable String agency, Instant at, String purpose) {
    }

    /** The agency that recorded an entry. */
    public record Agency(String code, String kind) {
    }

    /**
     * What a reader may know about the child without reading the record.
     *
     * @param leadAgency       the agency to call: social care leading the child's case, or {@code null}
     * @param priorAttendances A&amp;E attendances, for health readers only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Flags(boolean childProtectionPlan, boolean openToSocialCare, @Nullable String leadAgency,
            @Nullable Integer priorAttendances) {
    }
}

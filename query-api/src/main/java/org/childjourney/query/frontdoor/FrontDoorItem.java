package org.childjourney.query.frontdoor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item awaiting the front door's decision: which, from whom, since when, and, where the hub's ground holds on
 * the journey, what the hub needs to triage it ({@code triage}). No summary or detail: the hub reads the journey's
 * timeline for that, and each such read is recorded.
 *
 * @param waiting how long since the record learned of the item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontDoorItem(String journeyId, String entryId, String type, String agency, Instant occurredAt,
        Instant arrivedAt, Duration waiting, @Nullable Triage triage) {

    /**
     * What the journey shows around the item.
     *
     * @param priorItems        contacts and domestic abuse notifications about the child recorded before this one
     * @param openInvolvements  agencies working with the child now, with the kind of each
     * @param leadAgency        children's social care with an open involvement, if any
     * @param possibleDuplicate whether the hub is deciding whether the journey is one of two of the child's
     */
    public record Triage(int priorItems, List<Involvement> openInvolvements, @Nullable String leadAgency,
            boolean childProtectionPlan, boolean openEnquiry, boolean possibleDuplicate) {

        public Triage {
            openInvolvements = List.copyOf(openInvolvements);
        }
    }

    /** An agency working with the child. */
    public record Involvement(String agency, @Nullable String kind) {
    }
}

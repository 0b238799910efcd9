package org.childjourney.query.duplicates;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A possible duplicate as the hub sees it: the journey it was raised on (for a new child, the provisional one), the
 * other journey, why, how alike (the score, where demographics were compared) and the reasons in plain words; once
 * decided, the decision. Never the child's details: the hub reads the two journeys for those.
 *
 * @param state {@code open} or {@code decided}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PossibleDuplicate(String taskId, String journeyId, String otherJourneyId, String reason, double score,
        List<String> reasons, String raisedAt, String state, @Nullable Decision decision) {

    /** The hub's decision. */
    public record Decision(String decision, String evidence, String decidedBy, String at) {
    }
}

package org.childjourney.query.accesses;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.childjourney.query.timeline.DecisionNotToShare;
import org.jspecify.annotations.Nullable;

/**
 * Who read a child's journey, when, for which purpose, on what basis, with what decision; and, for auditors, the
 * decisions not to share ({@code nonDisclosures}).
 */
public record AccessLog(String journeyId, List<Access> accesses,
        @Nullable List<DecisionNotToShare> nonDisclosures) {


    /**
     * One read. Practitioners see who read and why; auditors also see the refusal reason and which entries were
     * disclosed and withheld. Break-glass (emergency) reads are flagged for review.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Access(Instant at, String viewer, @Nullable String agency, List<String> roles, String purpose,
            String kind, String decision, @Nullable String basis, @Nullable String reason,
            @Nullable List<String> entriesDisclosed, @Nullable List<String> entriesWithheld, String policyVersion,
            boolean flaggedForReview) {
    }
}

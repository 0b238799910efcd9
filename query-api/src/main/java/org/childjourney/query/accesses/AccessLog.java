package org.childjourney.query.accesses;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.childjourney.query.timeline.DecisionNotToShare;
import org.childjourney.query.timeline.RefusedSharing;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * Who read a child's journey, when, for which purpose, on what grounds, with what decision; and, for auditors, the
 * decisions not to share ({@code nonDisclosures}) and the sharing decisions the journey refused
 * ({@code refusedSharing}); of the journeys linked to it too ({@code linkedJourneys}). How much of each read a practitioner sees is in
 * {@link AccessLogQueryHandler}.
 */
public record AccessLog(String journeyId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChildJourneyId> linkedJourneys, List<Access> accesses,
        @Nullable List<DecisionNotToShare> nonDisclosures, @Nullable List<RefusedSharing> refusedSharing) {

    /**
     * One read. A field a reader may not see of this read is left out: a read by another agency may show only its
     * agency and date. Auditors also see the refusal reason and which entries were disclosed and withheld.
     * Break-glass (emergency) reads are flagged for review. A journey linked to others lists their reads too, each
     * naming the journey it was recorded on ({@code journeyId}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Access(@Nullable String journeyId, Instant at, @Nullable String viewer, @Nullable String agency, @Nullable List<String> roles,
            @Nullable String purpose, @Nullable String kind, @Nullable String decision, @Nullable String basis,
            @Nullable List<String> grounds, @Nullable String reason, @Nullable List<String> entriesDisclosed,
            @Nullable List<String> entriesWithheld, @Nullable String policyVersion,
            @Nullable Boolean flaggedForReview) {
    }
}

package org.childjourney.query.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.accesses.AccessLog;
import org.childjourney.query.breakglass.QueuedGrant;
import org.childjourney.query.timeline.DecisionNotToShare;
import org.childjourney.query.timeline.RefusedSharing;
import org.childjourney.query.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * Everything a case review needs of a child's record for a period: the chronology (entries that happened in it, in
 * the order they happened, each with both clocks and, where amended, its history: what it first said, every
 * correction and retraction, who was shown it before), what each agency was shown and when, every read of the
 * record (permitted and refused) recorded in the period, the decisions not to share and the refused sharing
 * decisions, and emergency access opened in it with its reviews.
 *
 * @param from           the period's start, or {@code null} from the first entry
 * @param to             the period's end, or {@code null} to now
 * @param generatedBy    the auditor who fetched it: the fetching is itself recorded
 * @param lawfulBasis    the basis the review reads on
 * @param seenByAgency   per agency, its practitioners' permitted reads in the period and the entries they were shown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewBundle(String journeyId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChildJourneyId> linkedJourneys, @Nullable Instant from,
        @Nullable Instant to, Instant generatedAt, String generatedBy, String lawfulBasis,
        List<Timeline.Entry> chronology, List<AgencySeen> seenByAgency, List<AccessLog.Access> disclosures,
        List<DecisionNotToShare> nonDisclosures, List<RefusedSharing> refusedSharing,
        List<QueuedGrant> breakGlass) {

    /**
     * What one agency's practitioners were shown: how many permitted reads, the first and the last, and every entry
     * any of them disclosed.
     */
    public record AgencySeen(String agency, int reads, Instant firstRead, Instant lastRead,
            List<String> entriesShown) {
    }
}

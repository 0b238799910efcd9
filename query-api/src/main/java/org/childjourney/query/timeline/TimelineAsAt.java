package org.childjourney.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * A child's timeline as it had been recorded by {@code asAt}: every entry then recorded, with the status it then had
 * (a correction or retraction recorded later is not applied). With a viewer: their reads up to then ({@code reads},
 * each with the entries it disclosed), and, for a stated purpose, what the facts and the policy version then in
 * force would have let them see ({@code wouldSee}). {@code linkedJourneys}: the journeys linked to it then, whose
 * entries recorded by then are among {@code entries}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineAsAt(String journeyId, Instant asAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChildJourneyId> linkedJourneys, List<Timeline.Entry> entries,
        @Nullable List<RecordedRead> reads, @Nullable WouldSee wouldSee) {

    /**
     * What the viewer would have been shown at {@code asAt} for the purpose.
     *
     * @param policyVersion the version in force then: that of the latest read of the journey recorded by then
     * @param decision      {@code permitted} or {@code refused}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WouldSee(String purpose, String policyVersion, String decision, @Nullable String reason,
            List<String> grounds, List<String> entryIds) {
    }
}

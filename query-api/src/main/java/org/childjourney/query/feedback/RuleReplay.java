package org.childjourney.query.feedback;

import java.time.Instant;
import java.util.List;

/**
 * What a pattern rule would have found over the store, had it been switched on from the start: how many alerts, on
 * how many journeys, and the first {@link #EXAMPLES} of them, each citing its entries. Counts, never scores.
 *
 * @param found {@code false} if no rule has that id (then nothing else is set)
 */
public record RuleReplay(boolean found, String ruleId, String rulesVersion, boolean switchedOn, long eventsRead,
        long journeysRead, long alerts, long journeysAlerted, List<Example> examples) {

    /** The most alerts an answer shows. */
    public static final int EXAMPLES = 20;

    public RuleReplay {
        examples = List.copyOf(examples);
    }

    /** One alert the rule would have raised. */
    public record Example(String journeyId, Instant at, String triggeredBy, List<String> entryIds, String summary) {

        public Example {
            entryIds = List.copyOf(entryIds);
        }
    }
}

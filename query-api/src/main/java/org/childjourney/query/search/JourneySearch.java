package org.childjourney.query.search;

import java.util.List;

/**
 * The answer to a search: the journeys this reader may read, or a refusal when the reader may not search at all.
 * A found journey the reader may not read is simply not listed, exactly as if it did not exist.
 */
public sealed interface JourneySearch {

    record Found(List<Journey> journeys) implements JourneySearch {
    }

    record Refused() implements JourneySearch {
    }

    /** One journey found. */
    record Journey(String journeyId) {
    }
}

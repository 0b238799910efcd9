package org.childjourney.query.timeline;

import org.childjourney.core.access.Erasure;

/**
 * The answer to {@link FindTimeline}: shown or refused, as a value, so that the refusal's disclosure record is
 * committed with the query rather than rolled back with an exception.
 */
public sealed interface TimelineRead {

    record Shown(Timeline timeline) implements TimelineRead {
    }

    record Refused() implements TimelineRead {
    }

    /** Refused to an auditor because the journey was erased: the erasure is what there is to see. */
    record Erased(Erasure erasure) implements TimelineRead {
    }
}

package org.childjourney.query.timeline;

/**
 * The answer to {@link FindTimeline}: shown or refused, as a value, so that the refusal's disclosure record is
 * committed with the query rather than rolled back with an exception.
 */
public sealed interface TimelineRead {

    record Shown(Timeline timeline) implements TimelineRead {
    }

    record Refused() implements TimelineRead {
    }
}

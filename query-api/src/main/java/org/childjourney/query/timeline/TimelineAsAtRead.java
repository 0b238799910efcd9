package org.childjourney.query.timeline;

/** The answer to {@link FindTimelineAsAt}: shown or refused, as a value (see {@link TimelineRead}). */
public sealed interface TimelineAsAtRead {

    record Shown(TimelineAsAt timeline) implements TimelineAsAtRead {
    }

    record Refused() implements TimelineAsAtRead {
    }
}

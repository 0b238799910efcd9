package org.childjourney.query.accesses;

/** The answer to {@link FindAccesses}: shown or refused, as a value (see {@code TimelineRead}). */
public sealed interface AccessLogRead {

    record Shown(AccessLog log) implements AccessLogRead {
    }

    record Refused() implements AccessLogRead {
    }
}

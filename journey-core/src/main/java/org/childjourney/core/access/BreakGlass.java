package org.childjourney.core.access;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The bounds of emergency access (ground {@code break-glass}): a justification of at least
 * {@link #MINIMUM_JUSTIFICATION} characters on every read, and a grant that lasts {@link #WINDOW} per reader and
 * journey from the read that opened it. A read while a grant is open does not open another.
 */
public final class BreakGlass {

    /** How long one grant lasts. */
    public static final Duration WINDOW = Duration.ofHours(4);

    /** The fewest characters a justification may have, once trimmed. */
    public static final int MINIMUM_JUSTIFICATION = 20;

    private BreakGlass() {
    }

    /** Whether this justification is long enough to break glass with. */
    public static boolean justified(@Nullable String justification) {
        return justification != null && justification.strip().length() >= MINIMUM_JUSTIFICATION;
    }
}

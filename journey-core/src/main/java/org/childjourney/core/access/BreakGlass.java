package org.childjourney.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Break-glass windows. Emergency access without a relationship is granted for a bounded time: a window opens with
 * the first break-glass read and lasts {@link #WINDOW}; the owning agencies are told when a window opens, and a
 * read after it has closed opens a new one (flagged and notified afresh). The grant never extends to other
 * purposes.
 */
public final class BreakGlass {

    /** How long one break-glass window lasts. */
    public static final Duration WINDOW = Duration.ofHours(4);

    private BreakGlass() {
    }

    /**
     * Whether a window is open at {@code at}, given the times of this reader's earlier break-glass reads of the
     * journey (in any order). A read at that time inside an open window does not open a new one.
     */
    public static boolean windowOpen(Collection<Instant> earlierReads, Instant at) {
        Instant opened = null;
        for (Instant read : earlierReads.stream().sorted().toList()) {
            if (!read.isAfter(at) && (opened == null || read.isAfter(opened.plus(WINDOW)))) {
                opened = read;
            }
        }
        return opened != null && !at.isAfter(opened.plus(WINDOW));
    }
}

package org.childjourney.query.readmodel;

import java.util.concurrent.atomic.AtomicLong;

/** Holds a rebuild to a number of events a second, if one is set (above 0), leaving the stores room. */
final class Pace {

    private final double perSecond;
    private final long started = System.nanoTime();
    private final AtomicLong handled = new AtomicLong();

    Pace(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Waits until the next event is due. */
    void next() throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        long due = started + (long) (handled.getAndIncrement() * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

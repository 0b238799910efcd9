package org.childjourney.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves: for grants that expire, windows that close and allowances that refill. Starts at the real
 * time, or at the instant given.
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock() {
        this(Instant.now());
    }

    public MovableClock(Instant start) {
        this.now = start;
    }

    /** Back to the real time. */
    public void reset() {
        now = Instant.now();
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

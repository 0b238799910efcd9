package org.childjourney.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The query API's clock, moved on by the test: for grants that expire and windows that close. A test class takes
 * it with {@code @Import(MovableClock.InTheServices.class)} and {@code @Autowired MovableClock clock}. Events are
 * still stamped by the event store with the real time, as in production.
 */
public final class MovableClock extends Clock {

    private volatile Instant now = Instant.now();

    /** Puts the services' clock in place of the system's. */
    @TestConfiguration
    public static class InTheServices {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** Back to the real time: for each test, as the clock is shared by the test class's context. */
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

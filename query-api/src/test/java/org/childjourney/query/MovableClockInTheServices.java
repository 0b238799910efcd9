package org.childjourney.query;

import org.childjourney.core.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link MovableClock} in place of the query API's clock: a test class takes it with
 * {@code @Import(MovableClockInTheServices.class)} and {@code @Autowired MovableClock clock}, and resets it before
 * each test, as the clock is shared by the class's context. Events are still stamped by the event store with the
 * real time, as in production.
 */
@TestConfiguration
public class MovableClockInTheServices {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}

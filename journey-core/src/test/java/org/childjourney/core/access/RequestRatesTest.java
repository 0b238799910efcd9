package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.childjourney.core.MovableClock;
import org.junit.jupiter.api.Test;

/** A caller spends a burst at once, then as fast as the rate refills it; other callers are not affected. */
class RequestRatesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T10:00:00Z"));

    private final RequestRates rates = new RequestRates(2, 5, clock);

    @Test
    void admitsABurstThenTellsTheCallerHowLongToWait() {
        assertThat(IntStream.range(0, 5).mapToLong(i -> rates.admit("police-east"))).containsOnly(0L);

        assertThat(rates.admit("police-east")).isEqualTo(1);
        assertThat(rates.admit("hospital-north")).as("another caller has an allowance of its own").isZero();
    }

    @Test
    void refillsAtTheRate() {
        IntStream.range(0, 5).forEach(i -> rates.admit("police-east"));
        assertThat(rates.admit("police-east")).isPositive();

        clock.advance(Duration.ofMillis(500));
        assertThat(rates.admit("police-east")).as("half a second at two a second: one more").isZero();
        assertThat(rates.admit("police-east")).isPositive();

        clock.advance(Duration.ofMinutes(1));
        assertThat(IntStream.range(0, 5).mapToLong(i -> rates.admit("police-east")))
                .as("never more than the burst").containsOnly(0L);
        assertThat(rates.admit("police-east")).isPositive();
    }

    @Test
    void aClockSetBackTakesNothingFromTheAllowance() {
        clock.advance(Duration.ofDays(31));
        rates.admit("police-east");
        clock.reset();

        assertThat(rates.admit("police-east")).as("a month back is no debt").isZero();
    }

    @Test
    void refusesANonsensicalLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestRates(0, 5, clock));
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestRates(1, 0, clock));
    }
}

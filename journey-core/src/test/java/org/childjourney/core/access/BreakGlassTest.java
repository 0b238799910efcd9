package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Break-glass is granted for a bounded time: windows of four hours, each opened (and notified) afresh. */
class BreakGlassTest {

    private static final Instant FIRST = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void noEarlierBreakGlassMeansThisReadOpensAWindow() {
        assertThat(BreakGlass.windowOpen(List.of(), FIRST)).isFalse();
    }

    @Test
    void aReadWithinFourHoursOfTheOpeningIsInsideTheWindow() {
        assertThat(BreakGlass.windowOpen(List.of(FIRST), FIRST.plusSeconds(4 * 3600))).isTrue();
        assertThat(BreakGlass.windowOpen(List.of(FIRST), FIRST.plusSeconds(4 * 3600 + 1))).isFalse();
    }

    @Test
    void readingInsideAWindowDoesNotExtendIt() {
        List<Instant> earlier = List.of(FIRST, FIRST.plusSeconds(3 * 3600));

        assertThat(BreakGlass.windowOpen(earlier, FIRST.plusSeconds(5 * 3600))).isFalse();
    }

    @Test
    void aReadAfterAWindowClosedOpensANewOneThatLaterReadsFallInside() {
        Instant reopened = FIRST.plusSeconds(30 * 24 * 3600);
        List<Instant> earlier = List.of(reopened, FIRST, FIRST.plusSeconds(3600));

        assertThat(BreakGlass.windowOpen(earlier, reopened.plusSeconds(60))).isTrue();
    }

    @Test
    void readsAfterTheMomentInQuestionAreIgnored() {
        assertThat(BreakGlass.windowOpen(List.of(FIRST.plusSeconds(60)), FIRST)).isFalse();
    }
}

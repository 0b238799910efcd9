package org.childjourney.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.childjourney.core.matching.Likeness.Verdict;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private static final Likeness FULL = new Likeness(14, Verdict.SAME_CHILD, List.of());
    private static final Likeness WITHOUT_POSTCODE = new Likeness(12, Verdict.SAME_CHILD, List.of());
    private static final Likeness TWIN = new Likeness(6, Verdict.POSSIBLE_DUPLICATE, List.of());
    private static final Likeness STRANGER = new Likeness(-4, Verdict.DIFFERENT_CHILD, List.of());

    @Test
    void theMostAlikeIsTheChildWhenNoOtherIsAsAlikeAndTheSameChildToo() {
        assertThat(decide(Map.of("a", FULL, "provisional", WITHOUT_POSTCODE, "twin", TWIN)).sameChild())
                .as("a journey opened in doubt with less to compare does not stop the match").isEqualTo("a");
        assertThat(decide(Map.of("a", WITHOUT_POSTCODE, "b", WITHOUT_POSTCODE)).sameChild())
                .as("two namesakes, equally alike").isNull();
    }

    @Test
    void aDoubtNamesTheMostAlikeAndEqualScoresAreOrderedByIdNotByWhenTheyWereFound() {
        Matching.Outcome<String> tie = decide(Map.of("b", WITHOUT_POSTCODE, "a", WITHOUT_POSTCODE, "c", STRANGER));

        assertThat(tie.doubt()).isEqualTo("a");
        assertThat(decide(Map.of("twin", TWIN, "stranger", STRANGER)).doubt()).isEqualTo("twin");
        assertThat(decide(Map.of("stranger", STRANGER))).isEqualTo(new Matching.Outcome<String>(null, null, null));
    }

    private static Matching.Outcome<String> decide(Map<String, Likeness> candidates) {
        return Matching.decide(candidates, Comparator.naturalOrder());
    }
}

package org.childjourney.core.matching;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which of the candidates a child is, each candidate with how alike its child is ({@link ChildFeatures#likeness}):
 * the rule the gateway places a submission by, and the quality test measures.
 */
public final class Matching {

    private Matching() {
    }

    /**
     * What the candidates say of the child.
     *
     * @param sameChild the candidate that is the child, if one is
     * @param doubt     otherwise the most alike candidate that may be, for the hub, if any
     * @param likeness  the doubt's likeness
     */
    public record Outcome<T>(@Nullable T sameChild, @Nullable T doubt, @Nullable Likeness likeness) {
    }

    /**
     * The same child when the most alike candidate is, and no other is as alike and the same child too: two
     * namesakes born the same day fit a submission without a postcode equally, and are the hub's to tell apart.
     * Otherwise the most alike candidate that may be the child. Equal scores are ordered by {@code order}, so that the
     * outcome never depends on the order the candidates were found in.
     */
    public static <T> Outcome<T> decide(Map<T, Likeness> candidates, Comparator<T> order) {
        List<Map.Entry<T, Likeness>> alike = candidates.entrySet().stream()
                .filter(candidate -> candidate.getValue().verdict() != Likeness.Verdict.DIFFERENT_CHILD)
                .sorted(Comparator.comparingDouble((Map.Entry<T, Likeness> candidate) -> candidate.getValue().score())
                        .reversed().thenComparing(Map.Entry::getKey, order))
                .toList();
        if (alike.isEmpty()) {
            return new Outcome<>(null, null, null);
        }
        Map.Entry<T, Likeness> most = alike.get(0);
        boolean alone = alike.stream().skip(1).noneMatch(other -> other.getValue().score() == most.getValue().score()
                && other.getValue().verdict() == Likeness.Verdict.SAME_CHILD);
        return most.getValue().verdict() == Likeness.Verdict.SAME_CHILD && alone
                ? new Outcome<>(most.getKey(), null, null)
                : new Outcome<>(null, most.getKey(), most.getValue());
    }
}

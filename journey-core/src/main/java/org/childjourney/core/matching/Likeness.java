package org.childjourney.core.matching;

import java.util.List;

/**
 * How alike a submission's child and a journey's child are: a score (the sum of each feature's agreement weight),
 * what it means, and the reasons in plain words, for the hub to weigh ("same date of birth", "given name differs").
 */
public record Likeness(double score, Verdict verdict, List<String> reasons) {

    public Likeness {
        reasons = List.copyOf(reasons);
    }

    /** What a score means for the submission. */
    public enum Verdict {
        /** The same child: the submission goes on that journey. */
        SAME_CHILD,
        /** Perhaps the same child: a provisional journey, and a task for the hub. */
        POSSIBLE_DUPLICATE,
        /** Another child. */
        DIFFERENT_CHILD
    }
}

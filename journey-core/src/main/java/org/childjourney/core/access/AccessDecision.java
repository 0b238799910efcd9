package org.childjourney.core.access;

import java.util.HashSet;
import java.util.Set;
import org.childjourney.core.journey.EntryId;

/** The outcome of an access policy: a value, so that it can be recorded, tested and explained. */
public sealed interface AccessDecision {

    /**
     * The read may go ahead, relying on {@code basis}.
     *
     * @param withheld     entries left out altogether
     * @param redacted     entries shown without their details (the fields are named as redacted)
     * @param minimal      the emergency-department view: attendances and flags only
     * @param breakGlass   read without a relationship, by emergency access: flagged for review, owners notified
     */
    record Permitted(LawfulBasis basis, Set<EntryId> withheld, Set<EntryId> redacted, boolean minimal,
            boolean breakGlass) implements AccessDecision {

        public Permitted {
            withheld = Set.copyOf(withheld);
            redacted = Set.copyOf(redacted);
        }

        /** A plain permission relying on the basis, withholding and redacting nothing. */
        public static Permitted on(LawfulBasis basis) {
            return new Permitted(basis, Set.of(), Set.of(), false, false);
        }

        /** This permission and another together: everything either withholds, redacts or flags. */
        Permitted and(Permitted other) {
            return new Permitted(basis, union(withheld, other.withheld), union(redacted, other.redacted),
                    minimal || other.minimal, breakGlass || other.breakGlass);
        }

        private static Set<EntryId> union(Set<EntryId> some, Set<EntryId> more) {
            Set<EntryId> all = new HashSet<>(some);
            all.addAll(more);
            return all;
        }
    }

    /** The read may not go ahead. */
    record Refused(RefusalReason reason) implements AccessDecision {
    }
}

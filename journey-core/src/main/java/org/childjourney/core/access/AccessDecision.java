package org.childjourney.core.access;

import java.util.HashSet;
import java.util.Set;
import org.childjourney.core.journey.EntryId;

/** The outcome of an access policy: a value, so that it can be recorded, tested and explained. */
public sealed interface AccessDecision {

    /**
     * The read may go ahead, relying on {@code basis}, without the {@code withheld} entries.
     */
    record Permitted(LawfulBasis basis, Set<EntryId> withheld) implements AccessDecision {

        public Permitted {
            withheld = Set.copyOf(withheld);
        }

        Permitted withholding(Set<EntryId> more) {
            Set<EntryId> all = new HashSet<>(withheld);
            all.addAll(more);
            return new Permitted(basis, all);
        }
    }

    /** The read may not go ahead. */
    record Refused(RefusalReason reason) implements AccessDecision {
    }
}

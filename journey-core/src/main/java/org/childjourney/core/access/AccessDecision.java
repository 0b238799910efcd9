package org.childjourney.core.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.EntryId;
import org.jspecify.annotations.Nullable;

/** The outcome of an access policy: a value, so that it can be recorded, tested and explained. */
public sealed interface AccessDecision {

    /**
     * The read may go ahead, relying on {@code basis}, on these grounds.
     *
     * @param grounds  what the read rests on, in the order {@link Ground} lists them; the reader sees the union of
     *                 their views
     * @param shown    the entries the read shows, each with how much of it
     * @param withheld the journey's entries the read leaves out altogether
     * @param flags    the journey's flags, where a ground shows them; {@code null} otherwise
     */
    record Permitted(LawfulBasis basis, List<Ground> grounds, Map<EntryId, EntryView> shown, Set<EntryId> withheld,
            @Nullable Flags flags) implements AccessDecision {

        public Permitted {
            grounds = List.copyOf(grounds);
            shown = Map.copyOf(shown);
            withheld = Set.copyOf(withheld);
        }

        /** Whether the read rests on emergency access: a grant, flagged for review, notified. */
        public boolean breakGlass() {
            return grounds.contains(Ground.BREAK_GLASS);
        }

        /** How much of this entry the read shows, or {@code null} if it is withheld. */
        public @Nullable EntryView view(EntryId entryId) {
            return shown.get(entryId);
        }
    }

    /**
     * What a reader may know about a child without reading the record: whether there is a child protection plan,
     * whether social care is involved and which agency leads, and (for health readers) how often the child came to
     * an emergency department.
     *
     * @param priorAttendances A&amp;E attendances on the journey, for health readers only; {@code null} for others
     */
    record Flags(boolean childProtectionPlan, boolean openToSocialCare, @Nullable AgencyCode leadAgency,
            @Nullable Integer priorAttendances) {
    }

    /** The read may not go ahead. */
    record Refused(RefusalReason reason) implements AccessDecision {
    }
}

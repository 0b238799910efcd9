package org.childjourney.core.feedback;

import java.time.Instant;
import java.util.Collection;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.jspecify.annotations.Nullable;

/**
 * One entry as the feedback loops and the pattern rules read it: what, by whom, when it happened and when the record
 * learned of it; for a contact the agency it names as referrer, for a decision what was decided. Nothing else of the
 * entry: no summary, no detail.
 *
 * @param decision a {@code contact-decision}'s or {@code strategy-discussion}'s decision as the contract writes it
 *                 ({@code referral}, {@code s47-enquiry}), or {@code null}
 */
public record Signal(EntryId entryId, EntryType type, AgencyCode agency, Instant occurredAt, Instant recordedAt,
        @Nullable AgencyCode referrer, @Nullable String decision) {

    public static Signal of(JourneyEntry entry, Instant recordedAt) {
        AgencyCode referrer = entry instanceof ContactReceived contact ? contact.referrerAgency() : null;
        String decision = null;
        if (entry instanceof ContactDecided decided) {
            decision = EntryField.kebab(decided.decision());
        } else if (entry instanceof StrategyDiscussionHeld discussion) {
            decision = EntryField.kebab(discussion.decision());
        }
        return new Signal(entry.entryId(), EntryType.of(entry), entry.provenance().agency().code(),
                entry.provenance().occurredAt(), recordedAt, referrer, decision);
    }

    /** Whether this is named in a rule's list: by its type ({@code strategy-discussion}) or type and decision. */
    boolean named(Collection<String> names) {
        return names.contains(type.wireName()) || decision != null && names.contains(type.wireName() + ":" + decision);
    }
}

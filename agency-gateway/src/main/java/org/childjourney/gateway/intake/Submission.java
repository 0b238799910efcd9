package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.command.JourneyCommand;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * A submission that passed validation, not yet placed on a journey.
 *
 * @param sensitivity      how sensitive the agency says the entry is; {@code none} when it says nothing
 * @param reference        the earlier entry it decides on, corrects or retracts, if any
 * @param correctedDetails for a correction: the corrected details, checked against the target's type once the
 *                         target is known
 * @param consentScope     for a consent record or withdrawal: the kind of agency it is about, or all
 * @param command          builds the journey command once the journey, entry id and referenced entry are known
 */
record Submission(String sourceRecordId, EntryType type, Instant occurredAt, Sensitivity sensitivity,
        Subject subject, Consent consent, @Nullable EntryReference reference, @Nullable ObjectNode correctedDetails,
        @Nullable ConsentScope consentScope, EntryCommand command) {

    /** Names the type only: a submission holds the child's identifiers and the agency's free text. */
    @Override
    public String toString() {
        return "Submission[type=" + type.wireName() + "]";
    }

    /** Builds the command for one kind of entry. */
    @FunctionalInterface
    interface EntryCommand {
        JourneyCommand create(EntryHeader header, @Nullable EntryId referenced);
    }
}

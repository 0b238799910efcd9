package org.childjourney.gateway.intake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.journey.EntryType;
import org.childjourney.gateway.intake.IntakeLedger.Taken;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The earlier entry a submission names (a decision's contact, an amendment's target, an outcome's discussion),
 * found in the ledger by the agency's own source record id or by entry id, and checked to be of a type it may name:
 * a wrong reference is the agency's mistake, answered 400 before the journey is asked. A household submission made an
 * entry for each child under one source record id: one of them is named by its entry id.
 */
@Component
class EarlierEntries {

    private final IntakeLedger ledger;

    EarlierEntries(IntakeLedger ledger) {
        this.ledger = ledger;
    }

    /** @throws InvalidSubmission if it names no entry the agency may refer to, or one of the wrong type */
    @Nullable Taken named(Agency agency, Submission submission) {
        EntryReference reference = submission.reference();
        if (reference == null) {
            return null;
        }
        Optional<Taken> target = reference.sourceRecordId() != null
                ? ledger.submission(agency.code(), reference.sourceRecordId())
                : ledger.entry(Objects.requireNonNull(reference.entryId()));
        // An amendment names only the sender's own entries: another agency's, named by its id, is as unknown to it.
        if (target.isEmpty() || submission.type().amends() && !target.get().agency().equals(agency.code())) {
            throw invalid(reference.field(), "names no entry this agency may refer to");
        }
        if (reference.sourceRecordId() != null && target.get().household() != null) {
            throw invalid(reference.field(), "names a household submission, which made an entry for each child:"
                    + " name the child's entry by its entry id");
        }
        EntryType targetType = target.get().type();
        if (submission.type() == EntryType.CONTACT_DECISION && targetType != EntryType.CONTACT
                && targetType != EntryType.DOMESTIC_ABUSE_NOTIFICATION) {
            throw invalid(reference.field(), "must name a contact or a domestic abuse notification");
        }
        if (submission.type() == EntryType.S47_OUTCOME && targetType != EntryType.STRATEGY_DISCUSSION) {
            throw invalid(reference.field(), "must name a strategy discussion");
        }
        return target.get();
    }

    private static InvalidSubmission invalid(String field, String message) {
        return new InvalidSubmission(List.of(new FieldProblem(field, message)));
    }
}

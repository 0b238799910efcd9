package org.childjourney.gateway.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.Subject;
import org.childjourney.gateway.intake.IntakeLedger.Taken;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds the child's journey for a submission, inside the submission's transaction: the referenced entry's, else the
 * NHS number's, else the local id's, else a new one. Identifiers the record has not seen yet are claimed for that
 * journey (by keyed digest), so a later submission with a known local id and a new NHS number attaches the NHS
 * number to the same journey; two first submissions about one child collide on the claim ({@link LostRaces}).
 */
@Component
class JourneyPlacement {

    private final IntakeLedger ledger;
    private final IdentifierDigests identifiers;

    JourneyPlacement(IntakeLedger ledger, IdentifierDigests identifiers) {
        this.ledger = ledger;
        this.identifiers = identifiers;
    }

    /**
     * Each child's journey, as {@link #place} finds or opens it, in the order listed. The children are placed in the
     * order of their first identifier's digest, not as listed: two households naming the same new children in
     * different orders then claim the identifiers in one order, and one waits for the other instead of both
     * deadlocking.
     */
    List<ChildJourneyId> placeEach(List<Subject> subjects) {
        ChildJourneyId[] journeys = new ChildJourneyId[subjects.size()];
        IntStream.range(0, subjects.size()).boxed()
                .sorted(Comparator.comparing(child -> firstDigest(subjects.get(child))))
                .forEach(child -> journeys[child] = place(subjects.get(child), null));
        return List.of(journeys);
    }

    private String firstDigest(Subject subject) {
        return identifiers.ofNhsNumber(subject.nhsNumber()).or(() -> identifiers.ofLocalId(subject.localId()))
                .orElse("");
    }

    /** @throws InvalidSubmission if the NHS number names another child than the referenced entry's journey */
    ChildJourneyId place(Subject subject, @Nullable Taken referenced) {
        Optional<String> nhs = identifiers.ofNhsNumber(subject.nhsNumber());
        Optional<String> local = identifiers.ofLocalId(subject.localId());
        Optional<ChildJourneyId> byNhs = nhs.flatMap(ledger::journeyOf);
        Optional<ChildJourneyId> byLocal = local.flatMap(ledger::journeyOf);
        ChildJourneyId journeyId;
        if (referenced != null) {
            journeyId = referenced.journeyId();
            if (byNhs.filter(other -> !other.equals(journeyId)).isPresent()) {
                throw new InvalidSubmission(List.of(new FieldProblem("subject.nhsNumber",
                        "identifies a different child from the referenced entry's")));
            }
        } else {
            journeyId = byNhs.or(() -> byLocal).orElseGet(() -> new ChildJourneyId(UUID.randomUUID()));
        }
        if (nhs.isPresent() && byNhs.isEmpty()) {
            ledger.claim(nhs.get(), journeyId);
        }
        if (local.isPresent() && byLocal.isEmpty()) {
            ledger.claim(local.get(), journeyId);
        }
        return journeyId;
    }
}

package org.childjourney.gateway.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.DuplicateReason;
import org.childjourney.core.matching.ChildFeatures;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.Subject;
import org.childjourney.gateway.intake.IntakeLedger.Taken;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds the child's journey for a submission, inside the submission's transaction: the referenced entry's, else the
 * NHS number's, else the local id's, else by demographics ({@link DemographicMatching}): the journey of the same
 * child, or a new one ({@link NewJourneys}). Identifiers the record has not seen yet are claimed for that journey (by
 * keyed digest), so a later submission with a known local id and a new NHS number attaches the NHS number to the same
 * journey; two first submissions about one child collide on the claim ({@link LostRaces}). What the submission
 * leaves in doubt is a possible duplicate for the hub: an NHS number and a local id that point to two journeys (the
 * NHS number's wins), or a new journey like another (it is provisional until the hub decides).
 */
@Component
class JourneyPlacement {

    private final IntakeLedger ledger;
    private final IdentifierDigests identifiers;
    private final DemographicMatching matching;
    private final NewJourneys newJourneys;

    JourneyPlacement(IntakeLedger ledger, IdentifierDigests identifiers, DemographicMatching matching,
            NewJourneys newJourneys) {
        this.ledger = ledger;
        this.identifiers = identifiers;
        this.matching = matching;
        this.newJourneys = newJourneys;
    }

    /**
     * Where a submission's child goes, and what the hub should look at.
     *
     * @param duplicate another journey that may be the same child's; {@code null} when nothing is in doubt
     */
    record Placed(ChildJourneyId journeyId, @Nullable PossibleDuplicate duplicate) {
    }

    /** A journey that may be the same child's, why, and how alike the children are (0 where not compared). */
    record PossibleDuplicate(ChildJourneyId otherJourneyId, DuplicateReason reason, double score,
            List<String> reasons) {
    }

    /**
     * Each child's journey, as {@link #place} finds or opens it, in the order listed. The children are placed in the
     * order of their first identifier's digest, not as listed: two households naming the same new children in
     * different orders then claim the identifiers in one order, and one waits for the other instead of both
     * deadlocking.
     */
    List<Placed> placeEach(List<Subject> subjects) {
        List<String> digests = subjects.stream().map(this::firstDigest).toList();
        Placed[] placed = new Placed[subjects.size()];
        IntStream.range(0, subjects.size()).boxed()
                .sorted(Comparator.comparing(digests::get))
                .forEach(child -> placed[child] = place(subjects.get(child), null));
        return List.of(placed);
    }

    /**
     * The journey the child's identifiers already name, if they name one; none if the NHS number and the local id
     * name two (the placement then raises a possible duplicate, which locks the other journey too).
     */
    Optional<ChildJourneyId> known(Subject subject) {
        Optional<ChildJourneyId> byNhs = identifiers.ofNhsNumber(subject.nhsNumber()).flatMap(ledger::journeyOf);
        Optional<ChildJourneyId> byLocal = identifiers.ofLocalId(subject.localId()).flatMap(ledger::journeyOf);
        return byNhs.isPresent() && byLocal.isPresent() && !byNhs.equals(byLocal) ? Optional.empty()
                : byNhs.or(() -> byLocal);
    }

    private String firstDigest(Subject subject) {
        return identifiers.ofNhsNumber(subject.nhsNumber()).or(() -> identifiers.ofLocalId(subject.localId()))
                .orElse("");
    }

    /** @throws InvalidSubmission if the NHS number names another child than the referenced entry's journey */
    Placed place(Subject subject, @Nullable Taken referenced) {
        Optional<String> nhs = identifiers.ofNhsNumber(subject.nhsNumber());
        Optional<String> local = identifiers.ofLocalId(subject.localId());
        Optional<ChildJourneyId> byNhs = nhs.flatMap(ledger::journeyOf);
        Optional<ChildJourneyId> byLocal = local.flatMap(ledger::journeyOf);
        ChildFeatures features = matching.of(subject);
        ChildJourneyId journeyId;
        PossibleDuplicate duplicate = null;
        if (referenced != null) {
            journeyId = referenced.journeyId();
            if (byNhs.filter(other -> !other.equals(journeyId)).isPresent()) {
                throw new InvalidSubmission(List.of(new FieldProblem("subject.nhsNumber",
                        "identifies a different child from the referenced entry's")));
            }
        } else if (byNhs.isPresent()) {
            journeyId = byNhs.get();
            if (byLocal.filter(other -> !other.equals(journeyId)).isPresent()) {
                duplicate = new PossibleDuplicate(byLocal.get(), DuplicateReason.IDENTIFIERS_DISAGREE, 0,
                        List.of("the NHS number and the agency's local id point to different journeys"));
            }
        } else if (byLocal.isPresent()) {
            journeyId = byLocal.get();
        } else {
            DemographicMatching.Match match = matching.match(features);
            journeyId = match.sameChild() != null ? match.sameChild() : newJourneys.next();
            DemographicMatching.Candidate doubt = match.doubt();
            if (doubt != null) {
                duplicate = new PossibleDuplicate(doubt.journeyId(), DuplicateReason.DEMOGRAPHICS_ALIKE,
                        doubt.likeness().score(), doubt.likeness().reasons());
            }
        }
        // Claimed on a match by demographics too: else a later submission naming only the NHS number would open a
        // second journey for the child, silently.
        if (nhs.isPresent() && byNhs.isEmpty()) {
            ledger.claim(nhs.get(), journeyId);
        }
        if (local.isPresent() && byLocal.isEmpty()) {
            ledger.claim(local.get(), journeyId);
        }
        if (duplicate == null || duplicate.reason() != DuplicateReason.IDENTIFIERS_DISAGREE) {
            matching.keep(journeyId, features);
        }
        return new Placed(journeyId, duplicate);
    }
}

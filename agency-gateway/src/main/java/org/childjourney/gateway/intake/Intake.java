package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.command.RaisePossibleDuplicate;
import org.childjourney.core.journey.command.RecordEntry;
import org.childjourney.core.person.Household;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.childjourney.gateway.intake.IntakeLedger.Taken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one agency submission on the right child's journey, exactly once, in named steps: the translator reads
 * and checks it ({@link SubmissionTranslator}), the sender must be one that may send it ({@link WhoMaySendWhat}),
 * then, in one database transaction, retried while it loses a race with a concurrent submission
 * ({@link LostRaces}): the idempotency key ({@link Idempotency}), the earlier entry it names
 * ({@link EarlierEntries}), the child's journey and its identifiers ({@link JourneyPlacement}), the journey's row
 * lock (so submissions about one child queue in the database rather than collide), the journey's command, and the
 * ledger's note of the submission with the time the store recorded it ({@link RecordingTime}). The journey's cache
 * forgets what a rolled-back transaction appended ({@link CachedJourneys}). A household submission does the same for
 * every child in it, in one transaction.
 */
@Component
class Intake {

    private final SubmissionTranslator translator;
    private final WhoMaySendWhat sendingRules;
    private final LostRaces races;
    private final TransactionTemplate transaction;
    private final Idempotency idempotency;
    private final EarlierEntries earlierEntries;
    private final JourneyPlacement placement;
    private final IntakeLedger ledger;
    private final CachedJourneys cachedJourneys;
    private final CommandGateway commands;
    private final MeterRegistry meters;

    Intake(SubmissionTranslator translator, WhoMaySendWhat sendingRules, LostRaces races,
            TransactionTemplate transaction, Idempotency idempotency, EarlierEntries earlierEntries,
            JourneyPlacement placement, IntakeLedger ledger, CachedJourneys cachedJourneys, CommandGateway commands,
            MeterRegistry meters) {
        this.translator = translator;
        this.sendingRules = sendingRules;
        this.races = races;
        this.transaction = transaction;
        this.idempotency = idempotency;
        this.earlierEntries = earlierEntries;
        this.placement = placement;
        this.ledger = ledger;
        this.cachedJourneys = cachedJourneys;
        this.commands = commands;
        this.meters = meters;
    }

    /**
     * Records a submission from an agency.
     *
     * @param recordedBy the client or user that submitted it
     * @throws InvalidSubmission   if it is invalid (nothing is stored)
     * @throws SubmissionConflict  if the source record id was already used for different content
     */
    Acknowledgement record(Agency agency, String recordedBy, JsonNode body) {
        Submission submission = translator.translate(body);
        sendingRules.require(agency, submission);
        String contentDigest = idempotency.contentDigest(body);
        Acknowledgement receipt = races.retried(() -> Objects.requireNonNull(transaction.execute(status ->
                idempotency.earlier(agency.code(), submission.sourceRecordId(), contentDigest).orElseGet(() ->
                        submission.forHousehold() ? recordHousehold(agency, recordedBy, submission, contentDigest)
                                : recordOnce(agency, recordedBy, submission, contentDigest)))));
        meters.counter("childjourney.submissions", "outcome", receipt.created() ? "recorded" : "resent",
                "type", submission.type().wireName()).increment();
        return receipt;
    }

    private Acknowledgement recordOnce(Agency agency, String recordedBy, Submission submission,
            String contentDigest) {
        Taken referenced = earlierEntries.named(agency, submission);
        String correctedDetails = referenced == null || submission.correctedDetails() == null ? null
                : translator.correctedDetails(referenced.type(), submission.correctedDetails());
        Subject subject = submission.subjects().get(0);
        JourneyPlacement.Placed placed = placement.place(subject, referenced);
        ChildJourneyId journeyId = placed.journeyId();
        ledger.lockJourney(journeyId);
        cachedJourneys.forgetIfRolledBack(journeyId);
        EntryId entryId = new EntryId(UUID.randomUUID());
        RecordingTime.Recorded recorded = commands.sendAndWait(new RecordEntry(submission.entry(
                new EntryHeader(journeyId, entryId, provenance(agency, recordedBy, submission), subject,
                        submission.consent()), referenced == null ? null : referenced.entryId(), correctedDetails)));
        raiseForTheHub(placed);
        ledger.take(agency.code(), submission.sourceRecordId(), contentDigest, submission.type(), journeyId, entryId,
                recorded.at(), null);
        return new Receipt(journeyId, entryId, recorded.at(), true);
    }

    /**
     * A household submission: an entry on each child's journey, in this one transaction, each carrying the household
     * (its reference, how many children, the adults). The children are those it names, or those of the household an
     * earlier household submission recorded, whose reference it names. The journeys are locked in one order, so that
     * two households sharing children queue rather than deadlock.
     *
     * @throws InvalidSubmission if two of its subjects are one child, or it names no household the record holds
     */
    private Acknowledgement recordHousehold(Agency agency, String recordedBy, Submission submission,
            String contentDigest) {
        UUID named = submission.household();
        List<JourneyPlacement.Placed> placed = named == null ? placed(submission.subjects())
                : ledger.householdJourneys(named).stream().map(journey -> new JourneyPlacement.Placed(journey, null))
                        .toList();
        List<ChildJourneyId> journeys = placed.stream().map(JourneyPlacement.Placed::journeyId).toList();
        if (journeys.isEmpty()) {
            throw new InvalidSubmission(List.of(new FieldProblem("householdReference",
                    "names no household the record holds")));
        }
        journeys.stream().sorted(Comparator.comparing(ChildJourneyId::value)).forEach(journeyId -> {
            ledger.lockJourney(journeyId);
            cachedJourneys.forgetIfRolledBack(journeyId);
        });
        Household household = new Household(named == null ? UUID.randomUUID() : named, journeys.size(),
                Objects.requireNonNull(submission.adults()));
        Provenance provenance = provenance(agency, recordedBy, submission);
        List<HouseholdReceipt.Child> children = new ArrayList<>();
        Instant recordedAt = null;
        for (int child = 0; child < journeys.size(); child++) {
            EntryId entryId = new EntryId(UUID.randomUUID());
            Subject subject = named == null ? submission.subjects().get(child).inHousehold(household)
                    : Subject.ofHousehold(household);
            RecordingTime.Recorded recorded = commands.sendAndWait(new RecordEntry(submission.entry(
                    new EntryHeader(journeys.get(child), entryId, provenance, subject, submission.consent()),
                    null, null)));
            raiseForTheHub(placed.get(child));
            recordedAt = recordedAt == null ? recorded.at() : recordedAt;
            children.add(new HouseholdReceipt.Child(journeys.get(child), entryId));
        }
        ledger.take(agency.code(), submission.sourceRecordId(), contentDigest, submission.type(),
                children.get(0).journeyId(), children.get(0).entryId(), Objects.requireNonNull(recordedAt),
                household.reference());
        ledger.takeHousehold(agency.code(), submission.sourceRecordId(), children);
        return new HouseholdReceipt(children, household.reference(), recordedAt, true);
    }

    /**
     * Each child's journey, found or opened as for a submission about one child.
     *
     * @throws InvalidSubmission if two of the subjects are one child
     */
    private List<JourneyPlacement.Placed> placed(List<Subject> subjects) {
        List<JourneyPlacement.Placed> placed = placement.placeEach(subjects);
        List<ChildJourneyId> journeys = placed.stream().map(JourneyPlacement.Placed::journeyId).toList();
        for (int child = 1; child < journeys.size(); child++) {
            int first = journeys.indexOf(journeys.get(child));
            if (first < child) {
                throw new InvalidSubmission(List.of(new FieldProblem("subjects[" + child + "]",
                        "is the same child as subjects[" + first + "]")));
            }
        }
        return placed;
    }

    /**
     * A possible duplicate the placement found becomes a task for the hub, on the journey just written and on the
     * other (locked too), so that readers of either are told until the hub decides.
     */
    private void raiseForTheHub(JourneyPlacement.Placed placed) {
        JourneyPlacement.PossibleDuplicate duplicate = placed.duplicate();
        if (duplicate == null) {
            return;
        }
        String taskId = UUID.randomUUID().toString();
        ChildJourneyId other = duplicate.otherJourneyId();
        ledger.lockJourney(other);
        cachedJourneys.forgetIfRolledBack(other);
        commands.sendAndWait(new RaisePossibleDuplicate(placed.journeyId(), taskId, other, duplicate.reason(),
                duplicate.score(), duplicate.reasons()));
        commands.sendAndWait(new RaisePossibleDuplicate(other, taskId, placed.journeyId(), duplicate.reason(),
                duplicate.score(), duplicate.reasons()));
    }

    private static Provenance provenance(Agency agency, String recordedBy, Submission submission) {
        return new Provenance(agency, submission.sourceRecordId(), recordedBy, submission.occurredAt(),
                submission.sensitivity());
    }
}

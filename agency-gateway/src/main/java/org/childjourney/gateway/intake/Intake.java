package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.jspecify.annotations.Nullable;
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
 *
 * <p>A batch's submissions share transactions, in the batch's order ({@link #recordAll}): the commit, which the
 * store writes to its file before answering, is paid once for up to {@value #LINES_A_TRANSACTION} of them. A
 * transaction holds each child's lock until it commits, so only its first submission that writes may wait for a
 * child's lock; a later one joins only if it is about one child the record already knows (by identifiers that
 * agree), names no earlier entry, and that journey's lock is free (asked for without waiting). Any other (a new
 * child, whose blocking keys and identifiers are locked as it is placed; a household; a submission naming an earlier
 * entry; a child locked by another transaction) starts the next transaction once this one has committed, and waits
 * there holding nothing else. Two batches then rarely wait for each other in a cycle. What can still form one (two
 * transactions writing the same new identifier, description or source record id; a possible duplicate's second
 * journey) the database breaks: the transaction is redone. Refusals found as a submission is read and checked
 * (invalid fields, not this sender's, a changed resend) are answered without ending the transaction; any other
 * failure after a submission began writing (an earlier entry the record does not hold, a refusal by the journey's
 * rules, a lost race) rolls it back whole, and each submission it tried is recorded again alone, as a single
 * submission is. One submission's refusal never costs another its place.
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

    /** The most submissions of a batch one transaction records. */
    static final int LINES_A_TRANSACTION = 100;
    /** The batches' transactions, by outcome ({@code committed}, {@code redone}) and cause. */
    private static final String BATCH_TRANSACTIONS = "childjourney.submission.batch.transactions";

    /** What became of one submission of a batch: its acknowledgement, or why it was refused (nothing stored). */
    record Outcome(@Nullable Acknowledgement receipt, @Nullable RuntimeException refusal) {
    }

    /** A submission read and allowed. */
    private record Checked(Submission submission, String contentDigest) {
    }

    /** A batch's submission acknowledged in a shared transaction, to be answered once it commits. */
    private record Answered(int line, Submission submission, Acknowledgement receipt) {
    }

    /**
     * Records a submission from an agency.
     *
     * @param recordedBy the client or user that submitted it
     * @throws InvalidSubmission   if it is invalid (nothing is stored)
     * @throws SubmissionConflict  if the source record id was already used for different content
     */
    Acknowledgement record(Agency agency, String recordedBy, JsonNode body) {
        return recordAlone(agency, recordedBy, checked(agency, body));
    }

    /**
     * Records a batch's submissions in their order, as {@link #record} records each, sharing transactions.
     *
     * @param lines each submission's body, read when its turn comes (again, if its transaction is redone), so that
     *              a batch holds no more than one submission read at a time; reading it may fail, as refusing it does
     * @return each submission's outcome, in the same order
     */
    List<Outcome> recordAll(Agency agency, String recordedBy, List<Supplier<JsonNode>> lines) {
        Outcome[] outcomes = new Outcome[lines.size()];
        for (int next = 0; next < lines.size(); ) {
            next = recordTogether(agency, recordedBy, lines, next, outcomes);
        }
        return List.of(outcomes);
    }

    private Checked checked(Agency agency, JsonNode body) {
        Submission submission = translator.translate(body);
        sendingRules.require(agency, submission);
        return new Checked(submission, idempotency.contentDigest(body));
    }

    /**
     * Records submissions from {@code first} on in one transaction, until one would wait for a lock or the
     * transaction has written {@value #LINES_A_TRANSACTION}; if the transaction fails, records each it tried alone.
     * Refusals found as a submission is read and checked (invalid fields, not this sender's, a changed resend) are
     * answered without ending the transaction.
     *
     * @return the first submission the transaction did not try
     */
    private int recordTogether(Agency agency, String recordedBy, List<Supplier<JsonNode>> lines, int first,
            Outcome[] outcomes) {
        List<Answered> answered = new ArrayList<>();
        int[] tried = {0};
        try {
            transaction.executeWithoutResult(status -> {
                int written = 0;
                for (int line = first; line < lines.size() && written < LINES_A_TRANSACTION; line++) {
                    Checked checked;
                    Optional<Acknowledgement> earlier;
                    try {
                        checked = checked(agency, lines.get(line).get());
                        earlier = idempotency.earlier(agency.code(), checked.submission().sourceRecordId(),
                                checked.contentDigest());
                    } catch (InvalidSubmission | SubmissionConflict | SubmissionNotPermitted | MalformedJson
                            | BodyTooLarge refused) {
                        outcomes[line] = new Outcome(null, refused);
                        tried[0]++;
                        continue;
                    }
                    if (earlier.isEmpty() && written > 0 && !joins(checked.submission())) {
                        return;
                    }
                    tried[0]++;
                    answered.add(new Answered(line, checked.submission(), earlier.isPresent() ? earlier.get()
                            : recordNew(agency, recordedBy, checked)));
                    written += earlier.isEmpty() ? 1 : 0;
                }
            });
        } catch (RuntimeException failed) {
            meters.counter(BATCH_TRANSACTIONS, "outcome", "redone", "cause", races.cause(failed)).increment();
            int redone = Math.max(1, tried[0]);
            for (int line = first; line < first + redone; line++) {
                try {
                    outcomes[line] = new Outcome(recordAlone(agency, recordedBy, checked(agency,
                            lines.get(line).get())), null);
                } catch (RuntimeException refused) {
                    outcomes[line] = new Outcome(null, refused);
                }
            }
            return first + redone;
        }
        meters.counter(BATCH_TRANSACTIONS, "outcome", "committed", "cause", "none").increment();
        for (Answered line : answered) {
            outcomes[line.line()] = new Outcome(counted(line.submission(), line.receipt()), null);
        }
        return first + tried[0];
    }

    /**
     * Whether a submission may join a transaction that has written already: only if it is about one child whose
     * journey its identifiers already name (and do not disagree on), names no earlier entry (which may be on another
     * journey), and no other transaction holds that journey's lock (taken here, without waiting). A new child (its
     * blocking keys and identifiers are locked as it is placed), a household (several journeys) or an amendment
     * starts the next transaction instead, where it waits while holding nothing else.
     */
    private boolean joins(Submission submission) {
        return !submission.forHousehold() && submission.reference() == null
                && placement.known(submission.subjects().get(0)).filter(ledger::lockJourneyIfFree).isPresent();
    }

    private Acknowledgement recordAlone(Agency agency, String recordedBy, Checked line) {
        Submission submission = line.submission();
        return counted(submission, races.retried(() -> Objects.requireNonNull(transaction.execute(status ->
                idempotency.earlier(agency.code(), submission.sourceRecordId(), line.contentDigest())
                        .orElseGet(() -> recordNew(agency, recordedBy, line))))));
    }

    private Acknowledgement recordNew(Agency agency, String recordedBy, Checked line) {
        return line.submission().forHousehold()
                ? recordHousehold(agency, recordedBy, line.submission(), line.contentDigest())
                : recordOnce(agency, recordedBy, line.submission(), line.contentDigest());
    }

    private Acknowledgement counted(Submission submission, Acknowledgement receipt) {
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

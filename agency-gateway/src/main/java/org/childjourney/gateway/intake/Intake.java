package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.command.RecordEntry;
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
 * forgets what a rolled-back transaction appended ({@link CachedJourneys}).
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
    Receipt record(Agency agency, String recordedBy, JsonNode body) {
        Submission submission = translator.translate(body);
        sendingRules.require(agency, submission);
        String contentDigest = idempotency.contentDigest(body);
        Receipt receipt = races.retried(() -> Objects.requireNonNull(transaction.execute(status ->
                recordOnce(agency, recordedBy, submission, contentDigest))));
        meters.counter("childjourney.submissions", "outcome", receipt.created() ? "recorded" : "resent",
                "type", submission.type().wireName()).increment();
        return receipt;
    }

    private Receipt recordOnce(Agency agency, String recordedBy, Submission submission, String contentDigest) {
        Optional<Receipt> earlier = idempotency.earlier(agency.code(), submission.sourceRecordId(), contentDigest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Taken referenced = earlierEntries.named(agency, submission);
        String correctedDetails = referenced == null || submission.correctedDetails() == null ? null
                : translator.correctedDetails(referenced.type(), submission.correctedDetails());
        ChildJourneyId journeyId = placement.place(submission.subject(), referenced);
        ledger.lockJourney(journeyId);
        cachedJourneys.forgetIfRolledBack(journeyId);
        EntryId entryId = new EntryId(UUID.randomUUID());
        Provenance provenance = new Provenance(agency, submission.sourceRecordId(), recordedBy,
                submission.occurredAt(), submission.sensitivity());
        RecordingTime.Recorded recorded = commands.sendAndWait(new RecordEntry(submission.entry(
                new EntryHeader(journeyId, entryId, provenance, submission.subject(), submission.consent()),
                referenced == null ? null : referenced.entryId(), correctedDetails)));
        ledger.take(agency.code(), submission.sourceRecordId(), contentDigest, submission.type(), journeyId, entryId,
                recorded.at());
        return new Receipt(journeyId, entryId, recorded.at(), true);
    }
}

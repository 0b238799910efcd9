package org.childjourney.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.command.RecordEntry;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.KeyedDigest;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.childjourney.gateway.config.GatewayProperties;
import org.childjourney.gateway.intake.IntakeLedger.Taken;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one agency submission on the right child's journey, exactly once.
 *
 * <p>A local id's system must be one registered to the agency, or a national system its kind shares. In one
 * database transaction it checks the idempotency key, finds the journey (by NHS number, else by the local id, else
 * a new one), claims the child's identifiers for it, takes the journey's row lock (so
 * submissions about one child queue in the database rather than collide), appends the journey's event, and notes
 * the submission with the time the store recorded it ({@link RecordingTime}). The unique keys of the ledger make
 * concurrent submissions collide instead of forking a child into two journeys; a collision rolls everything back
 * and the submission is retried, finding what the winner wrote.
 */
@Component
class Intake {

    /** SQL states of a lost race: unique violation, serialization failure, deadlock, H2 lock timeout. */
    private static final Set<String> COLLISION_STATES = Set.of("23505", "40001", "40P01", "HYT00");

    private final SubmissionTranslator translator;
    private final IntakeLedger ledger;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Cache journeys;
    private final KeyedDigest digest;
    private final IdentifierDigests identifiers;
    private final MeterRegistry meters;
    private final int retries;
    private final ObjectMapper canonical = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    Intake(SubmissionTranslator translator, IntakeLedger ledger, CommandGateway commands,
            TransactionTemplate transaction, Cache journeys, GatewayProperties properties,
            IdentifierDigests identifiers, MeterRegistry meters) {
        this.translator = translator;
        this.ledger = ledger;
        this.commands = commands;
        this.transaction = transaction;
        this.journeys = journeys;
        this.digest = new KeyedDigest(properties.digestKeyBytes());
        this.identifiers = identifiers;
        this.meters = meters;
        this.retries = Math.max(1, properties.retries());
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
        requirePermitted(agency, submission);
        if (!identifiers.mayUseLocalId(agency, submission.subject())) {
            throw invalid("subject.localId.system", "is not a system registered to this agency, nor a national "
                    + "system its kind of agency shares");
        }
        String contentDigest = digest.ofContent(canonicalJson(body));
        for (int attempt = 1; ; attempt++) {
            try {
                Receipt receipt = Objects.requireNonNull(transaction.execute(status -> recordOnce(agency,
                        recordedBy, submission, contentDigest)));
                meters.counter("childjourney.submissions", "outcome", receipt.created() ? "recorded" : "resent",
                        "type", submission.type().wireName()).increment();
                return receipt;
            } catch (RuntimeException e) {
                if (attempt >= retries || !lostRace(e)) {
                    throw e;
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    private Receipt recordOnce(Agency agency, String recordedBy, Submission submission, String contentDigest) {
        Optional<Taken> taken = ledger.submission(agency.code(), submission.sourceRecordId());
        if (taken.isPresent()) {
            Taken earlier = taken.get();
            if (!earlier.contentDigest().equals(contentDigest)) {
                throw new SubmissionConflict();
            }
            return new Receipt(earlier.journeyId(), earlier.entryId(), earlier.recordedAt(), false);
        }
        Taken referenced = referenced(agency, submission);
        String correctedDetails = referenced == null || submission.correctedDetails() == null ? null
                : translator.correctedDetails(referenced.type(), submission.correctedDetails());
        ChildJourneyId journeyId = placeOnJourney(submission.subject(), referenced);
        ledger.lockJourney(journeyId);
        evictIfRolledBack(journeyId);
        EntryId entryId = new EntryId(UUID.randomUUID());
        Provenance provenance = new Provenance(agency, submission.sourceRecordId(), recordedBy,
                submission.occurredAt(), submission.sensitivity());
        RecordingTime.Recorded recorded = commands.sendAndWait(new RecordEntry(submission.entry(
                new EntryHeader(journeyId, entryId, provenance, submission.subject(), submission.consent()),
                referenced == null ? null : referenced.entryId(), correctedDetails)));
        Instant recordedAt = recorded.at();
        ledger.take(agency.code(), submission.sourceRecordId(), contentDigest, submission.type(), journeyId, entryId,
                recordedAt);
        return new Receipt(journeyId, entryId, recordedAt, true);
    }

    /**
     * Axon's unit of work commits (and caches the journey with its new entry) inside this transaction, which can
     * still roll back afterwards: the cached journey must not keep an entry the store never recorded.
     */
    private void evictIfRolledBack(ChildJourneyId journeyId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    journeys.remove(journeyId.toString());
                }
            }
        });
    }

    /**
     * The contract's "who may send what": each type by the kinds of agency that send it ({@link EntryType#maySendBy}),
     * and consent for all agencies by children's social care only.
     *
     * @throws SubmissionNotPermitted otherwise; nothing is stored
     */
    private static void requirePermitted(Agency agency, Submission submission) {
        boolean consentForAll = submission.consentScope() != null && submission.consentScope().agencyKind() == null;
        if (!submission.type().maySendBy(agency.kind())
                || (consentForAll && agency.kind() != AgencyKind.CHILDRENS_SOCIAL_CARE)) {
            throw new SubmissionNotPermitted();
        }
    }

    /** The earlier entry a decision, correction or retraction names, checked to be one it may name. */
    private @Nullable Taken referenced(Agency agency, Submission submission) {
        EntryReference reference = submission.reference();
        if (reference == null) {
            return null;
        }
        Optional<Taken> target = reference.sourceRecordId() != null
                ? ledger.submission(agency.code(), reference.sourceRecordId())
                : ledger.entry(Objects.requireNonNull(reference.entryId()));
        if (target.isEmpty()) {
            throw invalid(reference.field(), "names no entry this agency may refer to");
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

    /**
     * The journey the submission belongs on: the referenced entry's, else the NHS number's, else the local id's,
     * else a new one. Identifiers the record has not seen yet are claimed for that journey, so a later submission
     * with a known local id and a new NHS number attaches the NHS number to the same journey.
     */
    private ChildJourneyId placeOnJourney(Subject subject, @Nullable Taken referenced) {
        Optional<String> nhs = identifiers.ofNhsNumber(subject.nhsNumber());
        Optional<String> local = identifiers.ofLocalId(subject.localId());
        Optional<ChildJourneyId> byNhs = nhs.flatMap(ledger::journeyOf);
        Optional<ChildJourneyId> byLocal = local.flatMap(ledger::journeyOf);
        ChildJourneyId journeyId;
        if (referenced != null) {
            journeyId = referenced.journeyId();
            if (byNhs.filter(other -> !other.equals(journeyId)).isPresent()) {
                throw invalid("subject.nhsNumber", "identifies a different child from the referenced entry's");
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

    private static InvalidSubmission invalid(String field, String message) {
        return new InvalidSubmission(List.of(new FieldProblem(field, message)));
    }

    private String canonicalJson(JsonNode body) {
        try {
            return canonical.writeValueAsString(canonical.treeToValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed submission could not be written back as JSON", e);
        }
    }

    /** Whether the failure is a collision with a concurrent submission, which a retry resolves. */
    private static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataIntegrityViolationException || cause instanceof TransientDataAccessException
                    || cause instanceof ConcurrencyException
                    || (cause instanceof SQLException sql && COLLISION_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a submission", e);
        }
    }
}

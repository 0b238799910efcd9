package org.childjourney.gateway.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The intake tables (journey-core's migration {@code V2__intake_ledger.sql}): submissions by idempotency key, and journeys by identifier digest. Every
 * method joins the caller's transaction, which is also the transaction the journey's events are appended in.
 */
@Repository
class IntakeLedger {

    private static final String SELECT_TAKEN = "SELECT content_digest, submission_type, journey_id, entry_id,"
            + " recorded_at FROM intake_submission";

    private final JdbcClient jdbc;

    IntakeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A submission already taken, as the ledger holds it. */
    record Taken(String contentDigest, EntryType type, ChildJourneyId journeyId, EntryId entryId,
            Instant recordedAt) {
    }

    Optional<Taken> submission(AgencyCode agency, String sourceRecordId) {
        return jdbc.sql(SELECT_TAKEN + " WHERE agency = ? AND source_record_id = ?")
                .params(agency.value(), sourceRecordId)
                .query(IntakeLedger::taken)
                .optional();
    }

    /** The journey and type of an entry, found by entry id. */
    Optional<Taken> entry(EntryId entryId) {
        return jdbc.sql(SELECT_TAKEN + " WHERE entry_id = ?")
                .param(entryId.value())
                .query(IntakeLedger::taken)
                .optional();
    }

    /**
     * Records a submission and when its entry was recorded. Fails with a duplicate key if a concurrent transaction
     * recorded the same key first: the caller's transaction, with the entry appended in it, rolls back, and the
     * retry finds that submission.
     */
    void take(AgencyCode agency, String sourceRecordId, String contentDigest, EntryType type,
            ChildJourneyId journeyId, EntryId entryId, Instant recordedAt) {
        jdbc.sql("INSERT INTO intake_submission (agency, source_record_id, content_digest, submission_type,"
                        + " journey_id, entry_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(agency.value(), sourceRecordId, contentDigest, type.name(), journeyId.value(),
                        entryId.value(), recordedAt.toString())
                .update();
    }

    private static Taken taken(ResultSet rs, int row) throws SQLException {
        return new Taken(rs.getString(1).trim(), EntryType.valueOf(rs.getString(2)),
                new ChildJourneyId(rs.getObject(3, UUID.class)), new EntryId(rs.getObject(4, UUID.class)),
                Instant.parse(rs.getString(5)));
    }

    Optional<ChildJourneyId> journeyOf(String identifierDigest) {
        return jdbc.sql("SELECT journey_id FROM journey_identifier WHERE digest = ?")
                .param(identifierDigest)
                .query((rs, row) -> new ChildJourneyId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /**
     * Claims an identifier for a journey. Fails with a duplicate key if a concurrent transaction claimed it first:
     * the caller retries and then finds that journey.
     */
    void claim(String identifierDigest, ChildJourneyId journeyId) {
        jdbc.sql("INSERT INTO journey_identifier (digest, journey_id) VALUES (?, ?)")
                .params(identifierDigest, journeyId.value())
                .update();
    }

    /**
     * Takes the journey's row lock for the rest of the transaction, creating the row for a journey the ledger has
     * not seen. A concurrent creation of the same row fails with a duplicate key, and the caller retries.
     */
    void lockJourney(ChildJourneyId journeyId) {
        boolean exists = jdbc.sql("SELECT journey_id FROM journey_ledger WHERE journey_id = ? FOR UPDATE")
                .param(journeyId.value())
                .query((rs, row) -> rs.getObject(1))
                .optional()
                .isPresent();
        if (!exists) {
            jdbc.sql("INSERT INTO journey_ledger (journey_id) VALUES (?)").param(journeyId.value()).update();
        }
    }
}

package org.childjourney.gateway.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The intake tables (journey-core's migrations {@code V2__intake_ledger.sql} and {@code V5__households.sql}):
 * submissions by idempotency key, a household submission's entries child by child, and journeys by identifier
 * digest. Every
 * method joins the caller's transaction, which is also the transaction the journey's events are appended in.
 */
@Repository
class IntakeLedger {

    private static final String SELECT_TAKEN = "SELECT content_digest, submission_type, journey_id, entry_id,"
            + " recorded_at, household_reference, agency FROM intake_submission";

    private final JdbcClient jdbc;

    IntakeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A submission already taken, as the ledger holds it: for a household submission, its first child's entry and
     * the household's reference; and the agency that sent it.
     */
    record Taken(String contentDigest, EntryType type, ChildJourneyId journeyId, EntryId entryId,
            Instant recordedAt, @Nullable UUID household, AgencyCode agency) {
    }

    Optional<Taken> submission(AgencyCode agency, String sourceRecordId) {
        return jdbc.sql(SELECT_TAKEN + " WHERE agency = ? AND source_record_id = ?")
                .params(agency.value(), sourceRecordId)
                .query(IntakeLedger::taken)
                .optional();
    }

    /** The journey and type of an entry, found by entry id, a household submission's children's entries too. */
    Optional<Taken> entry(EntryId entryId) {
        return jdbc.sql(SELECT_TAKEN + " WHERE entry_id = ?")
                .param(entryId.value())
                .query(IntakeLedger::taken)
                .optional()
                .or(() -> jdbc.sql("SELECT s.content_digest, s.submission_type, h.journey_id, h.entry_id,"
                                + " s.recorded_at, s.household_reference, s.agency FROM intake_household_entry h"
                                + " JOIN intake_submission s ON s.agency = h.agency"
                                + " AND s.source_record_id = h.source_record_id WHERE h.entry_id = ?")
                        .param(entryId.value())
                        .query(IntakeLedger::taken)
                        .optional());
    }

    /** A household submission's children's entries, in the order it named the children. */
    List<HouseholdReceipt.Child> household(AgencyCode agency, String sourceRecordId) {
        return jdbc.sql("SELECT journey_id, entry_id FROM intake_household_entry WHERE agency = ?"
                        + " AND source_record_id = ? ORDER BY child")
                .params(agency.value(), sourceRecordId)
                .query((rs, row) -> new HouseholdReceipt.Child(new ChildJourneyId(rs.getObject(1, UUID.class)),
                        new EntryId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * The journeys of the children of the household recorded under this reference, each once, in the order the
     * household submission named them (later submissions naming the reference name the same children); none for a
     * reference the record does not hold.
     */
    List<ChildJourneyId> householdJourneys(UUID household) {
        return jdbc.sql("SELECT h.journey_id, MIN(h.child) AS named FROM intake_submission s"
                        + " JOIN intake_household_entry h"
                        + " ON h.agency = s.agency AND h.source_record_id = s.source_record_id"
                        + " WHERE s.household_reference = ? GROUP BY h.journey_id ORDER BY named")
                .param(household)
                .query((rs, row) -> new ChildJourneyId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Records each child's entry of a household submission taken in the same transaction ({@link #take}). */
    void takeHousehold(AgencyCode agency, String sourceRecordId, List<HouseholdReceipt.Child> children) {
        for (int child = 0; child < children.size(); child++) {
            jdbc.sql("INSERT INTO intake_household_entry (entry_id, agency, source_record_id, child, journey_id)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(children.get(child).entryId().value(), agency.value(), sourceRecordId, child,
                            children.get(child).journeyId().value())
                    .update();
        }
    }

    /**
     * Records a submission and when its entry was recorded. Fails with a duplicate key if a concurrent transaction
     * recorded the same key first: the caller's transaction, with the entry appended in it, rolls back, and the
     * retry finds that submission.
     *
     * @param household for a household submission, its reference (and {@code journeyId}, {@code entryId} its first
     *                  child's); {@code null} otherwise
     */
    void take(AgencyCode agency, String sourceRecordId, String contentDigest, EntryType type,
            ChildJourneyId journeyId, EntryId entryId, Instant recordedAt, @Nullable UUID household) {
        jdbc.sql("INSERT INTO intake_submission (agency, source_record_id, content_digest, submission_type,"
                        + " journey_id, entry_id, recorded_at, household_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(agency.value(), sourceRecordId, contentDigest, type.name(), journeyId.value(),
                        entryId.value(), recordedAt.toString(), household)
                .update();
    }

    private static Taken taken(ResultSet rs, int row) throws SQLException {
        return new Taken(rs.getString(1).trim(), EntryType.valueOf(rs.getString(2)),
                new ChildJourneyId(rs.getObject(3, UUID.class)), new EntryId(rs.getObject(4, UUID.class)),
                Instant.parse(rs.getString(5)), rs.getObject(6, UUID.class), AgencyCode.of(rs.getString(7)));
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
     * Takes the journey's row lock for the rest of the transaction if no other transaction holds it, without waiting.
     *
     * @return whether this transaction holds it now; {@code false} also where the journey has no row this
     *         transaction sees
     */
    boolean lockJourneyIfFree(ChildJourneyId journeyId) {
        return jdbc.sql("SELECT journey_id FROM journey_ledger WHERE journey_id = ? FOR UPDATE SKIP LOCKED")
                .param(journeyId.value())
                .query((rs, row) -> rs.getObject(1))
                .optional()
                .isPresent();
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

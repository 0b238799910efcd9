package org.childjourney.query.erasure;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.childjourney.core.journey.ChildJourneyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger forgets an erased journey's child: identifier digests, demographic features and the blocking keys no
 * other journey holds, its submissions' content digests. On PostgreSQL through the function
 * {@code erase_journey_ledger} (migration V13), which runs as the schema's owner, and only for a journey whose erasure
 * is recorded: the service role may not delete ledger rows itself. The embedded store has no roles, and its
 * statements are these, the function's own.
 */
@Component
class LedgerErasure {

    /** The statements of {@code erase_journey_ledger}, for the embedded store. */
    private static final List<String> FORGET = List.of(
            "DELETE FROM match_block WHERE digest IN (SELECT digest FROM journey_feature WHERE journey_id = :journey)"
                    + " AND digest NOT IN (SELECT digest FROM journey_feature WHERE journey_id <> :journey)",
            "DELETE FROM journey_feature WHERE journey_id = :journey",
            "DELETE FROM journey_identifier WHERE journey_id = :journey",
            "UPDATE intake_submission SET content_digest = REPEAT('0', 64) WHERE household_reference IS NOT NULL"
                    + " AND (journey_id = :journey OR EXISTS (SELECT 1 FROM intake_household_entry"
                    + " WHERE intake_household_entry.agency = intake_submission.agency"
                    + " AND intake_household_entry.source_record_id = intake_submission.source_record_id"
                    + " AND intake_household_entry.journey_id = :journey))",
            "DELETE FROM intake_household_entry WHERE journey_id = :journey",
            "DELETE FROM intake_submission WHERE journey_id = :journey AND household_reference IS NULL",
            "DELETE FROM journey_ledger WHERE journey_id = :journey");

    private final JdbcClient jdbc;
    private final boolean postgres;

    LedgerErasure(JdbcClient jdbc, DataSource store) throws SQLException {
        this.jdbc = jdbc;
        try (var connection = store.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    /** Forgets the journey, in the current transaction. */
    void forget(ChildJourneyId journeyId) {
        if (postgres) {
            jdbc.sql("SELECT erase_journey_ledger(?)").param(journeyId.value()).query((rs, row) -> 1).list();
            return;
        }
        // The child's blocking keys first, in the order the gateway locks them.
        jdbc.sql("SELECT digest FROM match_block WHERE digest IN (SELECT digest FROM journey_feature"
                + " WHERE journey_id = ?) ORDER BY digest FOR UPDATE").param(journeyId.value())
                .query(String.class).list();
        for (String statement : FORGET) {
            jdbc.sql(statement).param("journey", journeyId.value()).update();
        }
    }
}

package org.childjourney.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.childjourney.core.PostgresDatabases;
import org.childjourney.migrations.Migrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Least privilege on PostgreSQL: the services' role, after the migrations ran as the schema's owner (by the
 * deployments' one-shot step, {@link Migrations}), appends events
 * (and so disclosure records, which are events) and reads them, and can neither change nor remove one, nor the
 * ledger's account of a submission, nor the schema; what the services keep as working state (tokens, dead letters,
 * a journey's lock row) it may change.
 */
@ExtendWith(PostgresDatabases.class)
class ServiceRoleOnPostgresIT {

    /** PostgreSQL's insufficient_privilege. */
    private static final String REFUSED = "42501";

    private String url;
    private Connection service;

    @BeforeEach
    void migrateAsTheOwnerAndConnectAsTheService() throws SQLException {
        url = PostgresDatabases.fresh("grants");
        Migrations.main(new String[] {"--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresDatabases.user(), "--spring.datasource.password="});
        service = DriverManager.getConnection(url, PostgresDatabases.serviceRole(), "");
    }

    @AfterEach
    void close() throws SQLException {
        service.close();
    }

    @Test
    void appendsAndReadsEventsButNeverChangesOrRemovesOne() throws SQLException {
        String eventId = UUID.randomUUID().toString();
        execute("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                + " payloadType, payload) VALUES ('" + eventId + "', 'journey', 0, 'ChildJourney',"
                + " '2026-11-30T00:00:00Z', 'JourneyDisclosed', 'x'::bytea)");
        assertThat(count("DomainEventEntry")).isEqualTo(1);

        assertRefused("UPDATE DomainEventEntry SET payload = 'y'::bytea");
        assertRefused("DELETE FROM DomainEventEntry");
        assertRefused("TRUNCATE DomainEventEntry");
        assertRefused("DROP TABLE DomainEventEntry");
        assertRefused("ALTER TABLE DomainEventEntry ADD COLUMN rewritten BOOLEAN");
        assertThat(count("DomainEventEntry")).isEqualTo(1);
    }

    @Test
    void extendsTheEventChainButNeverRewritesALinkOrACheckpoint() throws SQLException {
        execute("INSERT INTO event_chain (link, global_index, link_hash) VALUES (1, 1, '" + "0".repeat(64) + "')");
        execute("INSERT INTO chain_checkpoint (link, global_index, link_hash, made_at) VALUES (1, 1, '"
                + "0".repeat(64) + "', '2026-12-01T00:00:00Z')");
        assertThat(count("event_chain")).isEqualTo(1);

        for (String table : List.of("event_chain", "chain_checkpoint")) {
            assertRefused("UPDATE " + table + " SET link_hash = '" + "1".repeat(64) + "'");
            assertRefused("DELETE FROM " + table);
            assertRefused("TRUNCATE " + table);
        }
        assertThat(count("chain_checkpoint")).isEqualTo(1);
    }

    @Test
    void notesSubmissionsInTheLedgerButNeverRewritesOne() throws SQLException {
        execute("INSERT INTO intake_submission (agency, source_record_id, content_digest, submission_type,"
                + " journey_id, entry_id) VALUES ('police-east', 'INC-1', '" + "0".repeat(64) + "', 'CONTACT', '"
                + UUID.randomUUID() + "', '" + UUID.randomUUID() + "')");

        assertRefused("UPDATE intake_submission SET content_digest = '" + "1".repeat(64) + "'");
        assertRefused("DELETE FROM intake_submission");
        execute("INSERT INTO intake_household_entry (entry_id, agency, source_record_id, child, journey_id) VALUES ('"
                + UUID.randomUUID() + "', 'police-east', 'INC-1', 0, '" + UUID.randomUUID() + "')");
        assertRefused("UPDATE intake_household_entry SET child = 1");
        assertRefused("DELETE FROM intake_household_entry");
    }

    @Test
    void keepsItsWorkingStateTokensDeadLettersAndJourneyLocks() throws SQLException {
        execute("INSERT INTO TokenEntry (processorName, segment) VALUES ('timeline', 0)");
        execute("UPDATE TokenEntry SET owner = 'query-api-1' WHERE processorName = 'timeline'");
        execute("DELETE FROM TokenEntry");
        execute("DELETE FROM DeadLetterEntry");
        UUID journey = UUID.randomUUID();
        execute("INSERT INTO journey_ledger (journey_id) VALUES ('" + journey + "')");
        service.setAutoCommit(false);
        execute("SELECT journey_id FROM journey_ledger WHERE journey_id = '" + journey + "' FOR UPDATE");
        service.rollback();
    }

    /**
     * The ledger's rows of one journey go only through {@code erase_journey_ledger}, and only once the journey has
     * recorded its erasure (docs/erasure.md): its identifiers, features, its blocking keys no one else holds, its
     * submissions, its household rows (a household submission kept for the other children, its content digest
     * overwritten), never another journey's.
     */
    @Test
    void forgetsAJourneysLedgerRowsOnlyThroughItsRecordedErasure() throws SQLException {
        UUID erased = UUID.randomUUID();
        UUID sibling = UUID.randomUUID();
        String digest = "e".repeat(64);
        String kept = "k".repeat(64);
        execute("INSERT INTO journey_identifier (digest, journey_id) VALUES ('" + digest + "', '" + erased + "'), ('"
                + kept + "', '" + sibling + "')");
        execute("INSERT INTO journey_feature (journey_id, description, kind, digest) VALUES ('" + erased + "', '"
                + "d".repeat(64) + "', 'DATE_OF_BIRTH', '" + digest + "'), ('" + sibling + "', '" + "d".repeat(64)
                + "', 'DATE_OF_BIRTH', '" + kept + "')");
        execute("INSERT INTO match_block (digest) VALUES ('" + digest + "'), ('" + "s".repeat(64) + "'), ('" + kept
                + "')");
        execute("INSERT INTO intake_submission (agency, source_record_id, content_digest, submission_type, journey_id,"
                + " entry_id) VALUES ('police-east', 'INC-E', '" + digest + "', 'CONTACT', '" + erased + "', '"
                + UUID.randomUUID() + "')");
        execute("INSERT INTO intake_submission (agency, source_record_id, content_digest, submission_type, journey_id,"
                + " entry_id, household_reference) VALUES ('police-east', 'INC-H', '" + "h".repeat(64) + "', 'CONTACT',"
                + " '" + sibling + "', '" + UUID.randomUUID() + "', '" + UUID.randomUUID() + "')");
        execute("INSERT INTO intake_household_entry (entry_id, agency, source_record_id, child, journey_id) VALUES ('"
                + UUID.randomUUID() + "', 'police-east', 'INC-H', 1, '" + erased + "')");

        assertThatThrownBy(() -> execute("SELECT erase_journey_ledger('" + erased + "')"))
                .as("no erasure recorded").isInstanceOf(SQLException.class);
        execute("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                + " payloadType, payload) VALUES ('" + UUID.randomUUID() + "', '" + erased + "', 0, 'ChildJourney',"
                + " '2026-12-01T00:00:00Z', 'org.childjourney.core.journey.event.JourneyErased', 'x'::bytea)");
        execute("SELECT erase_journey_ledger('" + erased + "')");

        assertThat(texts("SELECT digest FROM journey_identifier")).containsExactly(kept);
        assertThat(texts("SELECT digest FROM journey_feature")).containsExactly(kept);
        assertThat(texts("SELECT digest FROM match_block")).as("another journey's, and nobody's")
                .containsExactlyInAnyOrder(kept, "s".repeat(64));
        assertThat(texts("SELECT content_digest FROM intake_submission")).containsExactly("0".repeat(64));
        assertThat(count("intake_household_entry")).isZero();
    }

    private List<String> texts(String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (Statement statement = service.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1).trim());
            }
        }
        return values;
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .extracting(failure -> ((SQLException) failure).getSQLState()).isEqualTo(REFUSED);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = service.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String table) throws SQLException {
        try (Statement statement = service.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

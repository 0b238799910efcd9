package org.childjourney.query.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.childjourney.core.PostgresDatabases;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A council leaving with its data: the whole record exported to NDJSON and imported into an empty store elsewhere is
 * the same record, event for event and byte for byte, with the same chain ending at the same head, and the intake
 * ledger's idempotency rows; an export changed or cut short on the way is not imported, and nothing of it stays.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RecordFileIT extends QueryApiIT {

    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataSource store;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private EventProcessingConfiguration processing;
    @TempDir
    private Path dir;

    @BeforeEach
    void aRecordWithReadsOfItAndALedger() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        QueryClient query = new QueryClient(port);
        String timeline = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                query.get(timeline, sarah, "child-in-need").json().path("entries")).hasSize(2));
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.sql("INSERT INTO intake_submission"
                + " (agency, source_record_id, content_digest, submission_type, journey_id, entry_id, recorded_at)"
                + " VALUES ('school-parkside', 'SC-1', ?, 'SCHOOL_CONCERN', ?, ?, '2026-11-19T15:00:01Z')")
                .params("0".repeat(64), story.journeyId().value(), UUID.randomUUID()).update());
        await().atMost(Duration.ofSeconds(15)).until(() -> count(jdbc, "event_chain") == count(jdbc,
                "DomainEventEntry"));
    }

    @Test
    void aRecordExportedAndImportedElsewhereIsTheSameRecordWithTheSameChain() throws Exception {
        Path file = dir.resolve("record.ndjson");
        Answer exported = command("export", file, storeUrl());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("exported " + count(jdbc, "DomainEventEntry") + " events",
                "1 ledger rows");
        assertThat(Files.readString(file)).doesNotContain("\r").startsWith("{\"format\":\"childjourney-record\"");

        String elsewhere = emptyStore();
        Answer imported = command("import", file, elsewhere);
        assertThat(imported.exit()).as(imported.err()).isZero();

        try (Connection source = store.getConnection();
                Connection copy = DriverManager.getConnection(elsewhere, "sa", "")) {
            assertTheSameRecord(source, copy);
            assertThePositionsGoOnAfterTheLastImported(copy);
        }
    }

    /**
     * A deployment moving from the embedded default to PostgreSQL: the import, run as the schema's owner into a store
     * the PostgreSQL migrations made, is the same record, and the store's positions go on after it.
     */
    @Test
    @ExtendWith(PostgresDatabases.class)
    void aRecordMovesFromTheEmbeddedStoreToPostgresql() throws Exception {
        Path file = dir.resolve("record.ndjson");
        assertThat(command("export", file, storeUrl()).exit()).isZero();
        String postgres = PostgresDatabases.fresh("imported");

        Answer imported = command("import", file, postgres, PostgresDatabases.user());
        assertThat(imported.exit()).as(imported.err()).isZero();

        try (Connection source = store.getConnection();
                Connection copy = DriverManager.getConnection(postgres, PostgresDatabases.user(), "")) {
            assertTheSameRecord(source, copy);
        }
        Path again = dir.resolve("again.ndjson");
        Answer exported = command("export", again, postgres, PostgresDatabases.user());
        assertThat(exported.exit()).as("exported from PostgreSQL: " + exported.err()).isZero();
        assertThat(Files.readAllLines(again).subList(1, Files.readAllLines(again).size()))
                .as("the same record, but for the time it was exported")
                .isEqualTo(Files.readAllLines(file).subList(1, Files.readAllLines(file).size()));
        try (Connection copy = DriverManager.getConnection(postgres, PostgresDatabases.user(), "")) {
            assertThePositionsGoOnAfterTheLastImported(copy);
        }
    }

    @Test
    void anExportChangedOrCutShortIsNotImportedAndLeavesNothing() throws Exception {
        Path file = dir.resolve("record.ndjson");
        assertThat(command("export", file, storeUrl()).exit()).isZero();
        List<String> lines = Files.readAllLines(file);

        Path changed = dir.resolve("changed.ndjson");
        List<String> edited = new ArrayList<>(lines);
        // The event's stored payload, enciphered (docs/erasure.md): its envelope's scheme changed.
        edited.set(2, edited.get(2).replace("cj1", "cj2"));
        assertThat(edited.get(2)).isNotEqualTo(lines.get(2));
        Files.write(changed, edited);
        String elsewhere = emptyStore();
        Answer refused = command("import", changed, elsewhere);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("line 3: the event at link 2 is not the one exported");
        try (Connection copy = DriverManager.getConnection(elsewhere, "sa", "")) {
            assertThat(rows(copy, "SELECT COUNT(*) FROM DomainEventEntry")).containsExactly("0");
        }

        Path cut = dir.resolve("cut.ndjson");
        Files.write(cut, lines.subList(0, lines.size() - 1));
        Answer cutShort = command("import", cut, elsewhere);
        assertThat(cutShort.exit()).isEqualTo(1);
        assertThat(cutShort.err()).contains("cut short");

        Answer intoAFullStore = command("import", file, storeUrl());
        assertThat(intoAFullStore.exit()).isEqualTo(1);
        assertThat(intoAFullStore.err()).contains("not empty (DomainEventEntry");
        String started = emptyStore();
        try (Connection serviceStarted = DriverManager.getConnection(started, "sa", "")) {
            Flyway.configure().dataSource(started, "sa", "")
                    .locations("classpath:db/migration/journey", "classpath:db/migration/journey-h2")
                    .placeholders(Map.of("service_role", "journey_service")).load().migrate();
            serviceStarted.createStatement().execute("INSERT INTO TokenEntry (processorName, segment)"
                    + " VALUES ('webhooks', 0)");
        }
        Answer afterTheServices = command("import", file, started);
        assertThat(afterTheServices.exit()).isEqualTo(1);
        assertThat(afterTheServices.err()).as("a service started there first").contains("TokenEntry");
    }

    @Test
    void eventsNotChainedYetAreNotLeftOutButTheExportIsRefused() throws Exception {
        StreamingEventProcessor chainer = processing.eventProcessor(EventChainer.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(15)).until(() -> !chainer.processingStatus().isEmpty());
        chainer.shutDown();
        new JourneyStories(eventStore, FictionalNhsNumbers.next()).aeAttendance("2026-11-21T10:00:00Z");
        Path file = dir.resolve("record.ndjson");
        Answer refused = command("export", file, storeUrl());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("1 events are not chained yet");
        assertThat(file).as("no file is left of an export refused").doesNotExist();

        chainer.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> count(jdbc, "event_chain") == count(jdbc,
                "DomainEventEntry"));
        assertThat(command("export", file, storeUrl()).exit()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).as("readable by this user alone")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(command("export", file, storeUrl()).exit()).as("an export never overwrites a file").isEqualTo(2);
    }

    @Test
    void aChainThatDoesNotHoldIsNotExported() throws Exception {
        long second = jdbc.sql("SELECT global_index FROM event_chain WHERE link = 2").query(Long.class).single();
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.sql(
                "UPDATE DomainEventEntry SET timeStamp = '2026-01-01T00:00:00Z' WHERE globalIndex = ?")
                .param(second).update());
        Answer refused = command("export", dir.resolve("record.ndjson"), storeUrl());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("does not hold at link 2");
    }

    /** Every event byte for byte, the chain link for link, the ledger's rows, and the source's head matched. */
    private static void assertTheSameRecord(Connection source, Connection copy) throws SQLException {
        String events = "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex";
        assertThat(rows(copy, events)).as("every event, byte for byte").isEqualTo(rows(source, events));
        assertThat(rows(copy, "SELECT * FROM event_chain ORDER BY link"))
                .isEqualTo(rows(source, "SELECT * FROM event_chain ORDER BY link"));
        String ledger = "SELECT agency, source_record_id, content_digest, journey_id FROM intake_submission";
        assertThat(rows(copy, ledger)).isEqualTo(rows(source, ledger));
        Verdict verdict = ChainVerification.verify(copy, List.of(ChainVerification.verify(source, List.of()).head()));
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.checkpointsMatched()).as("the source's head").isEqualTo(1);
    }

    private static void assertThePositionsGoOnAfterTheLastImported(Connection copy) throws SQLException {
        long last = Long.parseLong(rows(copy, "SELECT MAX(globalIndex) FROM DomainEventEntry").get(0));
        try (PreparedStatement append = copy.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payload) VALUES (?, 'next', 0,"
                + " '2026-12-01T00:00:00Z', 'Next', ?)")) {
            append.setString(1, UUID.randomUUID().toString());
            append.setBytes(2, "{}".getBytes(StandardCharsets.UTF_8));
            append.executeUpdate();
        }
        assertThat(rows(copy, "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = 'next'"))
                .containsExactly(String.valueOf(last + 1));
    }

    private record Answer(int exit, String out, String err) {
    }

    private static Answer command(String verb, Path file, String url) {
        return command(verb, file, url, "sa");
    }

    private static Answer command(String verb, Path file, String url, String user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RecordFileCommand.run(new String[] {verb, file.toString()}, Map.of("SPRING_DATASOURCE_URL", url,
                "SPRING_DATASOURCE_USERNAME", user), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Answer(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A new store elsewhere, with nothing in it yet: the import runs the migrations. */
    private static String emptyStore() {
        return "jdbc:h2:mem:elsewhere-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private String storeUrl() {
        return ((HikariDataSource) store).getJdbcUrl();
    }

    /** Each row as one text, its bytes in hex. */
    private static List<String> rows(Connection store, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement query = store.createStatement(); ResultSet result = query.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.append(i > 1 ? "|" : "").append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                            : String.valueOf(value));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}

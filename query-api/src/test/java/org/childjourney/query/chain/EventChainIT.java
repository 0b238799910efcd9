package org.childjourney.query.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tamper evidence: every event in the store, the disclosure records among them, is chained as it is appended, and a
 * walk of the chain, from the admin API or the command, names the first link that no longer holds when somebody with
 * access to the database changes the record behind the services' back. Checkpoints recorded every three links here;
 * each test changes the store, so each has a store of its own.
 */
@TestPropertySource(properties = "childjourney.query.chain-checkpoint-links=3")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class EventChainIT extends QueryApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ada = TOKENS.user("admin.ada", null, "admin");
    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private DataSource store;

    private QueryClient query;

    @BeforeEach
    void aRecordWithReadsOfIt() {
        query = new QueryClient(port);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.aeAttendance("2026-11-20T23:10:00Z");
        String timeline = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                query.get(timeline, sarah, "child-in-need").json().path("entries")).hasSize(3));
        assertThat(events()).as("the reads are recorded, as disclosure records").isGreaterThan(3);
        everyEventChained();
    }

    @Test
    void aChainIntactIsSaidToBeAndItsCheckpointsCanBeKeptOutside() {
        long events = events();
        JsonNode kept = query.get("/api/v1/admin/chain/checkpoints", ada, Map.of()).json();
        assertThat(kept.path("head").path("link").asLong()).isEqualTo(events);
        assertThat(kept.path("head").path("position").asLong()).isEqualTo(lastPosition());
        assertThat(kept.path("head").path("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(kept.path("head").path("madeAt").asText()).isNotBlank();
        assertThat(kept.path("checkpoints")).hasSize((int) (events / 3));
        assertThat(kept.path("checkpoints").get(0).path("link").asLong()).isEqualTo(3);

        JsonNode verdict = verify(kept);
        assertThat(verdict.path("intact").asBoolean()).isTrue();
        assertThat(verdict.path("links").asLong()).isEqualTo(events);
        assertThat(verdict.path("checkpointsMatched").asLong()).isEqualTo(events / 3 * 2 + 1);
        assertThat(verdict.path("head").toString()).isEqualTo(JSON.createObjectNode().put("link", events)
                .put("position", lastPosition()).put("hash", kept.path("head").path("hash").asText()).toString());
        assertThat(verdict.has("firstBroken")).isFalse();
        assertThat(query.post("/api/v1/admin/chain/verifications", ada, Map.of(), "").json().path("intact")
                .asBoolean()).as("without checkpoints given").isTrue();
    }

    @Test
    void onlyAdministratorsSeeOrWalkTheChain() {
        for (String someoneElse : List.of(sarah, ann)) {
            assertThat(query.get("/api/v1/admin/chain/checkpoints", someoneElse, Map.of()).status()).isEqualTo(403);
            assertThat(query.post("/api/v1/admin/chain/verifications", someoneElse, Map.of(), "").status())
                    .isEqualTo(403);
        }
    }

    @Test
    void anEventEditedInTheDatabaseBreaksItsLinkAndTheWalkNamesIt(@TempDir Path dir) throws Exception {
        long second = position(2);
        byte[] payload = jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?").param(second)
                .query(byte[].class).single();
        byte[] edited = altered(payload);
        assertThat(edited).isNotEqualTo(payload);
        write("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", edited, second);

        JsonNode verdict = verify(null);
        assertThat(verdict.path("intact").asBoolean()).isFalse();
        assertThat(verdict.path("links").asLong()).as("the links that held").isEqualTo(1);
        assertThat(verdict.path("firstBroken").path("link").asLong()).isEqualTo(2);
        assertThat(verdict.path("firstBroken").path("position").asLong()).isEqualTo(second);
        assertThat(verdict.path("firstBroken").path("reason").asText()).contains("changed since it was chained");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyChainCommand.run(new String[0], Map.of("SPRING_DATASOURCE_URL", storeUrl(),
                "SPRING_DATASOURCE_USERNAME", "sa"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("first broken link: 2, position " + second)
                .contains("NOT INTACT");

        assertThat(query.get("/api/v1/admin/chain/checkpoints", ada, Map.of()).status())
                .as("no checkpoint of a broken chain is given to keep").isEqualTo(409);

        write("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", payload, second);
        assertThat(verify(null).path("intact").asBoolean()).as("put back as it was").isTrue();
        out.reset();
        Path kept = dir.resolve("kept.json");
        assertThat(VerifyChainCommand.run(new String[] {"--export", kept.toString()}, Map.of("SPRING_DATASOURCE_URL",
                storeUrl(), "SPRING_DATASOURCE_USERNAME", "sa"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("links walked: " + events(), "intact");
        assertThat(JSON.readTree(kept.toFile()).path("head").path("link").asLong()).isEqualTo(events());

        long third = position(3);
        String stamp = jdbc.sql("SELECT timeStamp FROM DomainEventEntry WHERE globalIndex = ?").param(third)
                .query(String.class).single();
        write("UPDATE DomainEventEntry SET timeStamp = ? WHERE globalIndex = ?", "2026-01-01T00:00:00Z", third);
        assertThat(verify(null).path("firstBroken").path("link").asLong()).as("recorded at another time").isEqualTo(3);
        write("UPDATE DomainEventEntry SET timeStamp = ? WHERE globalIndex = ?", stamp, third);
        write("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                "{\"traceId\":\"elsewhere\"}".getBytes(StandardCharsets.UTF_8), position(4));
        assertThat(verify(null).path("firstBroken").path("link").asLong()).as("its metadata changed").isEqualTo(4);
    }

    @Test
    void theLastLinksRemovedWithTheirCheckpointsLeaveEventsTheChainerHasPassedUnchained() {
        long head = events();
        write("DELETE FROM event_chain WHERE link > ?", head - 2);
        write("DELETE FROM chain_checkpoint WHERE link > ?", head - 2);
        JsonNode verdict = verify(null);
        assertThat(verdict.has("firstBroken")).as("what is left holds").isFalse();
        assertThat(verdict.path("intact").asBoolean()).isFalse();
        assertThat(verdict.path("unchainedEvents").asLong()).isEqualTo(2);
    }

    @Test
    void aChainRewrittenWholeDiffersFromTheCheckpointsKeptOutside(@TempDir Path dir) throws Exception {
        JsonNode kept = query.get("/api/v1/admin/chain/checkpoints", ada, Map.of()).json();
        Path file = dir.resolve("checkpoints.json");
        Files.writeString(file, kept.toString());
        // Somebody who knows how links are made edits the first event and makes every link again, the checkpoints
        // in the store among them.
        long first = position(1);
        byte[] payload = jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?").param(first)
                .query(byte[].class).single();
        byte[] earlier = altered(payload);
        assertThat(earlier).isNotEqualTo(payload);
        write("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", earlier, first);
        relinkEverything();
        assertThat(verify(null).path("intact").asBoolean()).as("the store alone cannot tell").isTrue();

        JsonNode verdict = verify(kept);
        assertThat(verdict.path("intact").asBoolean()).isFalse();
        assertThat(verdict.path("firstBroken").path("link").asLong()).isEqualTo(3);
        assertThat(verdict.path("firstBroken").path("reason").asText())
                .contains("differs from the checkpoint made at " + kept.path("checkpoints").get(0).path("madeAt")
                        .asText());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VerifyChainCommand.run(new String[] {"--checkpoints", file.toString()},
                Map.of("SPRING_DATASOURCE_URL", storeUrl(), "SPRING_DATASOURCE_USERNAME", "sa"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("first broken link: 3");
    }

    @Test
    void linksOrEventsRemovedAreNamed() {
        JsonNode kept = query.get("/api/v1/admin/chain/checkpoints", ada, Map.of()).json();
        long head = kept.path("head").path("link").asLong();

        write("DELETE FROM DomainEventEntry WHERE globalIndex = ?", lastPosition());
        JsonNode verdict = verify(null);
        assertThat(verdict.path("firstBroken").path("link").asLong()).isEqualTo(head);
        assertThat(verdict.path("firstBroken").path("reason").asText()).contains("no longer in the store");

        // The last link removed with its event: the chain alone looks whole, the head kept outside does not.
        write("DELETE FROM event_chain WHERE link = ?", head);
        write("DELETE FROM chain_checkpoint WHERE link = ?", head);
        assertThat(verify(null).path("intact").asBoolean()).isTrue();
        verdict = verify(kept);
        assertThat(verdict.path("intact").asBoolean()).isFalse();
        assertThat(verdict.path("firstBroken").path("reason").asText()).contains("links have been removed");

        write("DELETE FROM event_chain WHERE link = 2");
        verdict = verify(null);
        assertThat(verdict.path("firstBroken").path("link").asLong()).isEqualTo(2);
        assertThat(verdict.path("firstBroken").path("reason").asText()).contains("link is missing");
    }

    @Test
    void anEventAppendedBehindTheChainIsCountedAndAnEventChainedTwiceIsNot() {
        StreamingEventProcessor chainer = processing.eventProcessor(EventChainer.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(15)).until(() -> !chainer.processingStatus().isEmpty());
        chainer.shutDown();
        long links = events();
        JourneyStories more = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        more.aeAttendance("2026-11-21T10:00:00Z");
        more.aeAttendance("2026-11-22T10:00:00Z");
        long behind = lastPosition() - 1;
        // The later of the two chained by hand: the one before it is then behind the chain's last position.
        StoredEvent later = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE globalIndex = ?")
                .param(lastPosition()).query((row, n) -> StoredEvent.read(row)).single();
        String head = jdbc.sql("SELECT link_hash FROM event_chain WHERE link = ?").param(links).query(String.class)
                .single();
        write("INSERT INTO event_chain (link, global_index, link_hash) VALUES (?, ?, ?)", links + 1,
                later.position(), HexFormat.of().formatHex(later.linkAfter(HexFormat.of().parseHex(head))));

        JsonNode verdict = verify(null);
        assertThat(verdict.path("intact").asBoolean()).isFalse();
        assertThat(verdict.has("firstBroken")).isFalse();
        assertThat(verdict.path("unchainedEvents").asLong()).isEqualTo(1);
        assertThat(verdict.path("firstUnchainedPosition").asLong()).isEqualTo(behind);

        chainer.start();
        everyEventChained();
        assertThat(verify(null).path("intact").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT global_index FROM event_chain WHERE link = ?").param(links + 2)
                .query(Long.class).single()).as("chained after the one chained by hand").isEqualTo(behind);
    }

    /** Changes the store directly, as somebody with access to the database would, committed. */
    private void write(String sql, Object... params) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.sql(sql).params(params).update());
    }

    private JsonNode verify(JsonNode kept) {
        Answer answer = query.post("/api/v1/admin/chain/verifications", ada, Map.of(),
                kept == null ? "" : kept.toString());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** Makes every link again from the events as they now are, and the stored checkpoints with them. */
    private void relinkEverything() {
        byte[] previous = EventChainer.GENESIS;
        for (long link = 1; link <= events(); link++) {
            long position = jdbc.sql("SELECT global_index FROM event_chain WHERE link = ?").param(link)
                    .query(Long.class).single();
            StoredEvent event = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE globalIndex"
                    + " = ?").param(position).query((row, n) -> StoredEvent.read(row)).single();
            previous = event.linkAfter(previous);
            String hash = HexFormat.of().formatHex(previous);
            write("UPDATE event_chain SET link_hash = ? WHERE link = ?", hash, link);
            write("UPDATE chain_checkpoint SET link_hash = ? WHERE link = ?", hash, link);
        }
    }

    private void everyEventChained() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT COUNT(*) FROM event_chain").query(Long.class).single()).isEqualTo(events()));
    }

    /** The URL the services' store is at, for the command. */
    private String storeUrl() {
        return ((HikariDataSource) store).getJdbcUrl();
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    private long lastPosition() {
        return jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry").query(Long.class).single();
    }

    /** The store position of the {@code n}th event chained. */
    private long position(int n) {
        return jdbc.sql("SELECT global_index FROM event_chain WHERE link = ?").param(n).query(Long.class).single();
    }

    /**
     * The stored payload with its first bytes of ciphertext changed, as somebody writing to the database without the
     * key store could change a journey's enciphered event (docs/erasure.md).
     */
    private static byte[] altered(byte[] payload) {
        String stored = new String(payload, StandardCharsets.UTF_8);
        int data = stored.indexOf("\"data\":\"") + "\"data\":\"".length();
        String replacement = stored.startsWith("AAAA", data) ? "BBBB" : "AAAA";
        return (stored.substring(0, data) + replacement + stored.substring(data + 4)).getBytes(StandardCharsets.UTF_8);
    }
}

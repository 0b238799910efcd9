package org.childjourney.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.e2e.Http.Answer;
import org.childjourney.e2e.LocalStack.ProcessorTime;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness: the whole system as {@code infra/bin/up} runs it, loaded with a realistic workload, each
 * figure measured against its raw baseline on the same machine and store, printed as
 * {@code BENCH <name> <value> <unit> baseline=<value> ratio=<value>}. CI runs the small size so the harness never
 * rots (no figure is asserted); {@code infra/bin/bench} runs the full size. See {@code docs/benchmarks.md}.
 *
 * <p>System properties: {@code bench.size} ({@code small}, {@code full}, or a number of events),
 * {@code bench.postgres} (a JDBC URL of an empty PostgreSQL database: both services use it as the event store),
 * {@code bench.clients} (concurrent agency clients, default 8).
 */
class BenchmarkIT {

    private static final List<String> READ_MODEL_PROCESSORS = List.of("timeline", "journey-lookup", "access-log",
            "inbox");
    /**
     * The position in a JDBC store's tracking token: a {@code GapAwareTrackingToken}'s index, or during a replay the
     * index of the {@code ReplayToken}'s current token (which Axon keeps until an event beyond the head at reset).
     */
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    private static final Pattern REPLAY_POSITION = Pattern.compile(
            "\"currentToken\"\\s*:\\s*\\{[^}]*?\"index\"\\s*:\\s*(\\d+)");
    /** The slowest the read models may catch up or rebuild before the run fails (see {@link #patience}). */
    private static final int SLOWEST_EVENTS_PER_S = 100;
    /** Timeline documents the read-model store's write rate is measured with. */
    private static final int STORE_SAMPLE = 2_000;
    /** Documents per bulk write, as the projections write them (DocumentBatch). */
    private static final int BULK_WRITE = 100;
    private static final int BATCH = 100;
    /** The entries of the journey the as-at figure replays, and its reads (after a warm-up of its own). */
    private static final int LONG_JOURNEY = 1_000;
    private static final int LONG_JOURNEY_READS = 100;
    private static final int LONG_JOURNEY_WARM_UP = 30;
    /** Reads before the timed ones, so that the figures are the JIT-compiled read path's, not the interpreter's. */
    private static final int WARM_UP_READS = 500;

    private final Http http = new Http();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private int reported;
    private double ingestRate;

    @Test
    void measuresIngestReadsReplayAndMemoryAgainstTheirBaselines() throws Exception {
        Workload.Size size = Workload.Size.parse(System.getProperty("bench.size", "small"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dataDir = Path.of(System.getProperty("childjourney.work", "target/e2e"), "bench-" + run);
        String postgres = System.getProperty("bench.postgres", "");
        int readModelPort = LocalStack.freePort();
        Map<String, String> settings = new HashMap<>(Map.of("CHILDJOURNEY_QUERY_READ_MODEL_PORT",
                String.valueOf(readModelPort), "CHILDJOURNEY_QUERY_READ_MODEL_PATH",
                dataDir.resolve("read-models/journey.mv").toString()));
        if (!postgres.isBlank()) {
            settings.put("JOURNEY_DATASOURCE_URL", postgres);
            settings.put("JOURNEY_DATASOURCE_USERNAME", "postgres");
        }
        try (LocalStack stack = new LocalStack(dataDir, settings)) {
            String jdbc = postgres.isBlank() ? "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("events/journey")
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0" : postgres;
            long idleRss = Math.max(stack.peakResidentMb("agency-gateway"), stack.peakResidentMb("query-api"));
            Workload workload = new Workload(size, BATCH, 20261124L, run);

            ingest(stack, workload);
            try (Connection store = DriverManager.getConnection(jdbc, postgres.isBlank() ? "sa" : "postgres",
                    postgres.isBlank() ? stack.eventStorePassword() : "")) {
                ingestBaseline(store, workload.events());
                readTimeline(stack, workload, store, readModelPort, 2_000);
                asAtOfALongJourney(stack, workload);
                searchKnownAndUnknown(stack, workload, 500);
                replay(stack, store, workload);
                readModelWrites(readModelPort);
            }
            long gatewayRss = stack.peakResidentMb("agency-gateway");
            long queryRss = stack.peakResidentMb("query-api");
            report("# peak resident memory: agency-gateway " + gatewayRss + " MB, query-api " + queryRss + " MB");
            figure("service-rss-mb", Math.max(gatewayRss, queryRss), "MB", idleRss);
        }
        assertThat(reported).isPositive();
    }

    /** Authenticated HTTP submissions through the gateway, batches of one agency, several concurrent clients. */
    private void ingest(LocalStack stack, Workload workload) throws Exception {
        int clients = Integer.getInteger("bench.clients", 8);
        ProcessorTime gatewayCpu = stack.processorTime("agency-gateway");
        ProcessorTime queryCpu = stack.processorTime("query-api");
        AtomicLong recorded = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                for (Optional<Workload.Batch> batch = workload.nextBatch(); batch.isPresent();
                        batch = workload.nextBatch()) {
                    Answer answer = http.postNdjson(stack.gateway() + "/api/v1/submissions:batch",
                            token(stack, batch.get().source().agency), String.join("\n", batch.get().lines()));
                    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
                    long ok = answer.raw().lines().filter(line -> line.startsWith("{\"status\":201")).count();
                    assertThat(ok).as(answer.raw()).isEqualTo(batch.get().lines().size());
                    recorded.addAndGet(ok);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        report("# ingest: " + recorded.get() + " submissions in " + "%.1f".formatted(seconds) + " s by "
                + clients + " clients");
        report("# ingest processor time per submission: agency-gateway "
                + stack.processorTime("agency-gateway").since(gatewayCpu).per(recorded.get()) + ", query-api "
                + stack.processorTime("query-api").since(queryCpu).per(recorded.get())
                + " (its read models following), on " + Runtime.getRuntime().availableProcessors() + " cores");
        ingestRate = recorded.get() / seconds;
    }

    /** Raw JDBC inserts of the same serialised events into a copy of the event table in the same store. */
    private void ingestBaseline(Connection store, int events) throws SQLException {
        try (Statement ddl = store.createStatement()) {
            ddl.execute("CREATE TABLE BenchEventEntry AS SELECT * FROM DomainEventEntry WHERE 1 = 0");
        }
        List<Object[]> rows = new ArrayList<>();
        try (Statement query = store.createStatement();
                ResultSet rs = query.executeQuery("SELECT aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData FROM DomainEventEntry"
                        + " WHERE type IS NOT NULL ORDER BY globalIndex")) {
            while (rs.next() && rows.size() < events) {
                rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)});
            }
        }
        boolean autoCommit = store.getAutoCommit();
        store.setAutoCommit(false);
        long start = System.nanoTime();
        long index = 1;
        try (PreparedStatement insert = store.prepareStatement("INSERT INTO BenchEventEntry (globalIndex,"
                + " eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                + " payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] row : rows) {
                insert.setLong(1, index++);
                insert.setString(2, UUID.randomUUID().toString());
                for (int column = 0; column < row.length; column++) {
                    insert.setObject(column + 3, row[column]);
                }
                insert.addBatch();
                if (index % 500 == 0) {
                    insert.executeBatch();
                    store.commit();
                }
            }
            insert.executeBatch();
            store.commit();
        }
        double baseline = rows.size() / ((System.nanoTime() - start) / 1e9);
        store.setAutoCommit(autoCommit);
        try (Statement ddl = store.createStatement()) {
            ddl.execute("DROP TABLE BenchEventEntry");
        }
        figure("ingest-http-events-per-s", ingestRate, "events/s", baseline);
    }

    /** Timeline reads of the hot child (policy decision and disclosure record included) against a raw lookup. */
    private void readTimeline(LocalStack stack, Workload workload, Connection store, int readModelPort, int reads)
            throws Exception {
        String searcher = http.userToken(tokenUrl(stack), "mash.mo", "mo-pw");
        String journeyId = await().atMost(Duration.ofMinutes(10)).until(() -> http.get(stack.queryApi()
                        + "/api/v1/journeys?nhsNumber=" + workload.hotChild(), searcher, "mash-triage").json()
                        .path("journeys").findValuesAsText("journeyId"), found -> found.size() == 1).get(0);
        String url = stack.queryApi() + "/api/v1/journeys/" + journeyId + "/timeline";
        // Reads are measured once the read models have caught up with the ingest, not while they compete with it.
        long head = head(store)[0];
        await().atMost(patience(workload.events())).pollInterval(Duration.ofSeconds(1))
                .until(() -> allAt(tokenPositions(store), head));
        // A token of its own: the catch-up can outlast a token's five minutes.
        String hub = http.userToken(tokenUrl(stack), "mash.mo", "mo-pw");
        assertThat(http.get(url, hub, "mash-triage").json().path("entries").size()).isEqualTo(Workload.HOT_ENTRIES);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < reads + WARM_UP_READS; i++) {
            long start = System.nanoTime();
            assertThat(http.getStatus(url, hub, "mash-triage")).isEqualTo(200);
            if (i >= WARM_UP_READS) {
                latencies.add(System.nanoTime() - start);
            }
        }
        List<Long> raw = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + readModelPort)) {
            var timelines = mongo.getDatabase("journey").getCollection("timelines");
            for (int i = 0; i < reads + WARM_UP_READS; i++) {
                long start = System.nanoTime();
                assertThat(timelines.find(Filters.eq("_id", journeyId)).first()).isNotNull();
                if (i >= WARM_UP_READS) {
                    raw.add(System.nanoTime() - start);
                }
            }
        }
        figure("timeline-read-p50-ms", percentile(latencies, 50), "ms", percentile(raw, 50));
        figure("timeline-read-p99-ms", percentile(latencies, 99), "ms", percentile(raw, 99));
        // An auditor's review as at now replays the hot child's events from the store: against the live read.
        String ann = http.userToken(tokenUrl(stack), "auditor.ann", "ann-pw");
        String asAt = url + "?asAt=" + Instant.now();
        List<Long> replays = new ArrayList<>();
        for (int i = 0; i < reads / 10 + WARM_UP_READS; i++) {
            long start = System.nanoTime();
            assertThat(http.getStatus(asAt, ann, "case-review")).isEqualTo(200);
            if (i >= WARM_UP_READS) {
                replays.add(System.nanoTime() - start);
            }
        }
        figure("as-at-" + Workload.HOT_ENTRIES + "-entries-p50-ms", percentile(replays, 50), "ms",
                percentile(latencies, 50));
    }

    /**
     * An auditor's review of a 1,000-entry journey as at now, which replays its events from the store (the fold and
     * the timeline's records), against the live review read of the same journey from the read models.
     */
    private void asAtOfALongJourney(LocalStack stack, Workload workload) throws Exception {
        for (Workload.Batch batch : workload.longJourney(LONG_JOURNEY)) {
            Answer answer = http.postNdjson(stack.gateway() + "/api/v1/submissions:batch",
                    token(stack, batch.source().agency), String.join("\n", batch.lines()));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        }
        String ann = http.userToken(tokenUrl(stack), "auditor.ann", "ann-pw");
        String search = "{\"nhsNumber\":\"" + workload.longJourneyChild() + "\"}";
        String journeyId = await().atMost(Duration.ofMinutes(5)).until(() -> http.post(stack.queryApi()
                + "/api/v1/journeys:search", ann, search, "case-review").json().path("journeys")
                .findValuesAsText("journeyId"), found -> found.size() == 1).get(0);
        String url = stack.queryApi() + "/api/v1/journeys/" + journeyId + "/timeline";
        await().atMost(Duration.ofMinutes(5)).until(() -> http.get(url, ann, "case-review").json().path("entries")
                .size() == LONG_JOURNEY);
        List<Long> live = new ArrayList<>();
        List<Long> asAt = new ArrayList<>();
        for (int i = 0; i < LONG_JOURNEY_READS + LONG_JOURNEY_WARM_UP; i++) {
            for (String read : List.of(url, url + "?asAt=" + Instant.now())) {
                long start = System.nanoTime();
                assertThat(http.getStatus(read, ann, "case-review")).isEqualTo(200);
                if (i >= LONG_JOURNEY_WARM_UP) {
                    (read.equals(url) ? live : asAt).add(System.nanoTime() - start);
                }
            }
        }
        figure("as-at-" + LONG_JOURNEY + "-entries-ms", percentile(asAt, 50), "ms", percentile(live, 50));
    }

    /**
     * Searches by a reader with no ground (a teacher, for a s.47 enquiry the workload never opens) for the hot
     * child's number and for a number the record does not hold: both answer an empty list, and should take the same
     * time ("Need to know": a search does the same work for a known and an unknown number). Every agency of the
     * workload submits, so each has its own record of the hot child for the purposes below the threshold. The
     * unknown number's median is the baseline.
     */
    private void searchKnownAndUnknown(LocalStack stack, Workload workload, int searches) throws Exception {
        String tom = http.userToken(tokenUrl(stack), "teacher.tom", "tom-pw");
        String unknown = FictionalNhsNumbers.next();
        List<Long> known = new ArrayList<>();
        List<Long> absent = new ArrayList<>();
        for (int i = 0; i < searches + WARM_UP_READS; i++) {
            for (String number : List.of(workload.hotChild(), unknown)) {
                long start = System.nanoTime();
                Answer answer = http.post(stack.queryApi() + "/api/v1/journeys:search", tom,
                        "{\"nhsNumber\":\"" + number + "\"}", "safeguarding-enquiry");
                assertThat(answer.raw()).isEqualTo("{\"journeys\":[]}");
                if (i >= WARM_UP_READS) {
                    (number.equals(unknown) ? absent : known).add(System.nanoTime() - start);
                }
            }
        }
        figure("search-refused-known-p50-ms", percentile(known, 50), "ms", percentile(absent, 50));
    }

    /** How long the read models may take to catch up with, or rebuild from, {@code events}: at least 30 minutes. */
    private static Duration patience(long events) {
        return Duration.ofSeconds(Math.max(1_800, events / SLOWEST_EVENTS_PER_S));
    }

    /**
     * Rebuilding every read model beside the live ones through the admin API ({@code POST /api/v1/admin/rebuilds},
     * polled until it has switched), against streaming the raw events. Reads answer throughout (RebuildIT).
     */
    private void replay(LocalStack stack, Connection store, Workload workload) throws Exception {
        long events = head(store)[1];
        String url = stack.queryApi() + "/api/v1/admin/rebuilds";
        String ada = http.userToken(tokenUrl(stack), "admin.ada", "ada-pw");
        long tokenAt = System.nanoTime();
        ProcessorTime cpuAtStart = stack.processorTime("query-api");
        long started = System.nanoTime();
        Answer accepted = http.post(url, ada, "");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String rebuild = url + "/" + accepted.json().path("rebuildId").asText();
        Duration limit = patience(events);
        long deadline = started + limit.toNanos();
        while (true) {
            assertThat(System.nanoTime()).as("read models rebuilt within %s", limit).isLessThan(deadline);
            if (System.nanoTime() - tokenAt > Duration.ofMinutes(4).toNanos()) {
                ada = http.userToken(tokenUrl(stack), "admin.ada", "ada-pw");
                tokenAt = System.nanoTime();
            }
            String state = http.get(rebuild, ada, "case-review").json().path("state").asText();
            assertThat(state).isNotEqualTo("failed");
            if (state.equals("switched")) {
                break;
            }
            Thread.sleep(50);
        }
        double rate = events / ((System.nanoTime() - started) / 1e9);
        report("# replay: %d events rebuilt beside the live read models; query-api processor time per event %s"
                .formatted(events, stack.processorTime("query-api").since(cpuAtStart).per(events)));
        assertRebuilt(stack, workload);

        long streamed = 0;
        long start = System.nanoTime();
        boolean autoCommit = store.getAutoCommit();
        store.setAutoCommit(false);
        try (Statement query = store.createStatement()) {
            query.setFetchSize(1_000);
            try (ResultSet rs = query.executeQuery("SELECT globalIndex, payloadType, payload FROM DomainEventEntry"
                    + " ORDER BY globalIndex")) {
                while (rs.next()) {
                    streamed += rs.getBytes(3).length > 0 ? 1 : 0;
                }
            }
        }
        store.setAutoCommit(autoCommit);
        figure("replay-events-per-s", rate, "events/s", streamed / ((System.nanoTime() - start) / 1e9));
    }

    /**
     * What limits the replay: how fast the read-model store itself takes whole-document writes. Up to
     * {@value #STORE_SAMPLE} timeline documents are written twice into a scratch collection with raw driver bulk
     * writes of 100, as the projections write a processor batch, and the second pass (each a replacement, as most
     * of a rebuild's writes are) is timed. The same is done against the same MongoDB-wire server kept in memory,
     * without its H2 file, to tell the server's own cost from its storage's.
     */
    private void readModelWrites(int readModelPort) {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + readModelPort)) {
            // The in-process server materialises a whole query's result: more than a sample would exhaust its heap.
            // The rebuild made generation 2 of the read models live.
            List<Document> documents = mongo.getDatabase("journey").getCollection("timelines_g2").find()
                    .limit(STORE_SAMPLE).batchSize(BULK_WRITE).into(new ArrayList<>());
            report("# read-model store: %d timeline documents rewritten at %.0f documents/s (raw driver bulk writes"
                    .formatted(documents.size(), rewrites(mongo, documents)) + " of " + BULK_WRITE + "); the same"
                    + " server in memory, without H2: %.0f documents/s".formatted(rewritesInMemory(documents)));
        }
    }

    private static double rewritesInMemory(List<Document> documents) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            return rewrites(mongo, documents);
        } finally {
            server.shutdownNow();
        }
    }

    /** Documents per second of the second of two passes writing {@code documents} into a scratch collection. */
    private static double rewrites(MongoClient mongo, List<Document> documents) {
        var scratch = mongo.getDatabase("journey").getCollection("bench_rewrites");
        double seconds = 0;
        for (int pass = 0; pass < 2; pass++) {
            long start = System.nanoTime();
            for (int from = 0; from < documents.size(); from += BULK_WRITE) {
                scratch.bulkWrite(documents.subList(from, Math.min(documents.size(), from + BULK_WRITE)).stream()
                        .map(document -> new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                                new ReplaceOptions().upsert(true)))
                        .toList());
            }
            seconds = (System.nanoTime() - start) / 1e9;
        }
        scratch.drop();
        return documents.size() / seconds;
    }

    /** The event store's highest global index and its number of events. */
    private static long[] head(Connection store) throws SQLException {
        try (Statement query = store.createStatement();
                ResultSet rs = query.executeQuery("SELECT MAX(globalIndex), COUNT(*) FROM DomainEventEntry")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Whether every read-model processor has reached {@code head}. */
    private static boolean allAt(Map<String, Long> positions, long head) {
        return positions.size() == READ_MODEL_PROCESSORS.size()
                && positions.values().stream().allMatch(position -> position >= head);
    }

    /** Where each read-model processor stands: the lowest position of its segments, -1 before its first event. */
    private static Map<String, Long> tokenPositions(Connection store) throws SQLException {
        Map<String, Long> positions = new HashMap<>();
        try (Statement query = store.createStatement();
                ResultSet rs = query.executeQuery("SELECT processorName, tokenType, token FROM TokenEntry")) {
            while (rs.next()) {
                byte[] token = rs.getBytes(3);
                if (READ_MODEL_PROCESSORS.contains(rs.getString(1)) && token != null) {
                    boolean replaying = rs.getString(2).endsWith("ReplayToken");
                    Matcher index = (replaying ? REPLAY_POSITION : TOKEN_INDEX).matcher(new String(token));
                    long position = index.find() ? Long.parseLong(index.group(1)) : -1;
                    positions.merge(rs.getString(1), position, Math::min);
                }
            }
        }
        return positions;
    }

    private String token(LocalStack stack, String agency) throws IOException, InterruptedException {
        String[] cached = tokens.get(agency);
        long now = System.currentTimeMillis();
        if (cached == null || now - Long.parseLong(cached[1]) > 240_000) {
            cached = new String[] {http.clientToken(tokenUrl(stack), agency), String.valueOf(now)};
            tokens.put(agency, cached);
        }
        return cached[0];
    }

    /** Prints a line of the report at once, so that a failure later in the run keeps what was measured. */
    private void report(String line) {
        System.out.println(line);
        reported++;
    }

    /** What the rebuild must have rebuilt: the identifier lookup finds the hot child, and its whole timeline reads. */
    private void assertRebuilt(LocalStack stack, Workload workload) throws Exception {
        String hub = http.userToken(tokenUrl(stack), "mash.mo", "mo-pw");
        List<String> found = http.post(stack.queryApi() + "/api/v1/journeys:search", hub,
                "{\"nhsNumber\":\"" + workload.hotChild() + "\"}", "mash-triage").json().path("journeys")
                .findValuesAsText("journeyId");
        assertThat(found).as("the rebuilt identifier lookup").hasSize(1);
        assertThat(http.get(stack.queryApi() + "/api/v1/journeys/" + found.get(0) + "/timeline", hub, "mash-triage")
                .json().path("entries")).as("the rebuilt timeline").hasSize(Workload.HOT_ENTRIES);
    }

    /** Prints one figure; a figure or baseline that is not a finite positive number fails the run. */
    private void figure(String name, double value, String unit, double baseline) {
        assertThat(value).as(name).isFinite().isPositive();
        assertThat(baseline).as(name + " baseline").isFinite().isPositive();
        report("BENCH %s %.2f %s baseline=%.2f ratio=%.3f".formatted(name, value, unit, baseline,
                baseline == 0 ? 0 : value / baseline));
    }

    private static double percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String tokenUrl(LocalStack stack) {
        return stack.keycloak() + "/realms/journey/protocol/openid-connect/token";
    }
}

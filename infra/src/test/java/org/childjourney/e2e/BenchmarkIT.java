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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
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
 * {@code BENCH <name> <value> <unit> baseline=<value> ratio=<value>}. CI runs the smoke size so the harness never
 * rots (no figure is asserted, and none is comparable); {@code infra/bin/bench} measures. See
 * {@code docs/benchmarks.md}.
 *
 * <p>System properties: {@code bench.size} ({@code smoke}, {@code small}, {@code full}, or a number of events),
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
    /** A line of the query API's Prometheus counters of read-model document writes: collection, count. */
    private static final Pattern DOCUMENT_WRITES = Pattern.compile(
            "(?m)^childjourney_read_model_document_writes_total\\{[^}]*collection=\"([^\"]+)\"[^}]*} (\\S+)$");
    /** The gateway's batch transactions by cause: {@code none} for those committed, the others redone. */
    private static final Pattern BATCH_TRANSACTIONS = Pattern.compile(
            "(?m)^childjourney_submission_batch_transactions_total\\{[^}]*cause=\"([^\"]+)\"[^}]*} (\\S+)$");
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
    /** Single posts: one for every fifty events of the workload, within these bounds. */
    private static final int FEWEST_SINGLE_POSTS = 2_000;
    private static final int MOST_SINGLE_POSTS = 20_000;
    private static final int FRESHNESS_SAMPLES = 1_000;
    private static final int READERS = 8;
    private static final int FRESHNESS_RATE = 200;
    /** Where the source record ids of the single posts and of the freshness samples start: after everything else. */
    private static final int SINGLES_FROM = 20_000_000;
    private static final int FRESHNESS_FROM = 30_000_000;
    /** Reads before the timed ones, so that the figures are the JIT-compiled read path's, not the interpreter's. */
    private static final int WARM_UP_READS = 500;

    private final Http http = new Http();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private int reported;
    private Workload.Size size;
    private double ingestRate;
    private double readableRate;

    @Test
    void measuresIngestReadsReplayAndMemoryAgainstTheirBaselines() throws Exception {
        size = Workload.Size.parse(System.getProperty("bench.size", "small"));
        if (size.fixedShare() > 1) {
            report("# smoke size: every phase runs, with its fixed counts divided by " + size.fixedShare()
                    + "; no figure is comparable");
        }
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

            try (Connection store = DriverManager.getConnection(jdbc, postgres.isBlank() ? "sa" : "postgres",
                    postgres.isBlank() ? stack.eventStorePassword() : "")) {
                ingest(stack, workload, store);
                ingestBaseline(store, workload.events());
                singlePosts(stack, workload);
                freshness(stack, workload, readModelPort);
                readsUnderIngest(stack, workload, run);
                readTimeline(stack, workload, store, readModelPort, size.fixed(2_000));
                asAtOfALongJourney(stack, workload);
                searchKnownAndUnknown(stack, workload, size.fixed(500));
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

    /**
     * Authenticated HTTP submissions through the gateway, batches of one agency, several concurrent clients; timed to
     * the last answer, and again to when every read-model processor has reached the store's head: only then is all
     * of it readable.
     */
    private void ingest(LocalStack stack, Workload workload, Connection store) throws Exception {
        Map<String, Double> writesBefore = documentWrites(stack);
        Map<String, Double> transactionsBefore = batchTransactions(stack);
        long[] storeBefore = head(store);
        ProcessorTime gatewayCpu = stack.processorTime("agency-gateway");
        ProcessorTime queryCpu = stack.processorTime("query-api");
        long start = System.nanoTime();
        long recorded = ingestBatches(stack, workload);
        double seconds = (System.nanoTime() - start) / 1e9;
        report("# ingest: " + recorded + " submissions in " + "%.1f".formatted(seconds) + " s by "
                + Integer.getInteger("bench.clients", 8) + " clients");
        report("# ingest processor time per submission: agency-gateway "
                + stack.processorTime("agency-gateway").since(gatewayCpu).per(recorded) + ", query-api "
                + stack.processorTime("query-api").since(queryCpu).per(recorded)
                + " (its read models following), on " + Runtime.getRuntime().availableProcessors() + " cores");
        Map<String, Double> transactions = new TreeMap<>();
        batchTransactions(stack).forEach((cause, count) -> transactions.put(cause, count
                - transactionsBefore.getOrDefault(cause, 0.0)));
        double committed = transactions.getOrDefault("none", 0.0);
        transactions.remove("none");
        report("# ingest: the gateway's transactions for batches: %.0f committed, %.0f rolled back and redone line by"
                .formatted(committed, transactions.values().stream().mapToDouble(Double::doubleValue).sum())
                + " line " + transactions + " (the workload's batches are of 100 lines)");
        ingestRate = recorded / seconds;
        long head = head(store)[0];
        await().atMost(patience(workload.events())).pollInterval(Duration.ofMillis(100))
                .until(() -> allAt(tokenPositions(store), head));
        double readableSeconds = (System.nanoTime() - start) / 1e9;
        report("# ingest readable: the read models reached the store's head " + "%.1f".formatted(readableSeconds
                - seconds) + " s after the last answer");
        readableRate = recorded / readableSeconds;
        report("# ingest: read-model document writes per submission " + writesPer(documentWrites(stack), writesBefore,
                recorded) + " (the embedded store takes about 1,600 a second)");
        long[] storeAfter = head(store);
        report("# ingest: " + (storeAfter[0] - storeBefore[0] - (storeAfter[1] - storeBefore[1])) + " of "
                + (storeAfter[0] - storeBefore[0]) + " store positions taken hold no event (appends rolled back)");
    }

    /**
     * The documents the query API's read models have written so far, by collection: its counters
     * ({@code childjourney.read.model.document.writes}) as its Prometheus endpoint gives them to the monitoring system.
     */
    private Map<String, Double> documentWrites(LocalStack stack) throws IOException, InterruptedException {
        return counters(stack, stack.queryApi(), DOCUMENT_WRITES);
    }

    /**
     * The gateway's transactions for batches so far, by cause: {@code none} for those committed, else why one rolled
     * back and was redone line by line ({@code collision}, {@code deadlock}, {@code other}); its counter
     * {@code childjourney.submission.batch.transactions}.
     */
    private Map<String, Double> batchTransactions(LocalStack stack) throws IOException, InterruptedException {
        return counters(stack, stack.gateway(), BATCH_TRANSACTIONS);
    }

    /** A service's counters the pattern finds on its Prometheus endpoint, summed by the pattern's first group. */
    private Map<String, Double> counters(LocalStack stack, String service, Pattern counter)
            throws IOException, InterruptedException {
        String scraper = http.clientToken(stack.tokenUrl(), "metrics-scraper");
        Answer metrics = http.get(service + "/actuator/prometheus", scraper);
        assertThat(metrics.status()).as(metrics.raw()).isEqualTo(200);
        Map<String, Double> counts = new HashMap<>();
        Matcher found = counter.matcher(metrics.raw());
        while (found.find()) {
            counts.merge(found.group(1), Double.parseDouble(found.group(2)), Double::sum);
        }
        return counts;
    }

    /** Documents written between two counts, per event: in all, and by collection. */
    private static String writesPer(Map<String, Double> after, Map<String, Double> before, long events) {
        Map<String, Double> written = new TreeMap<>();
        after.forEach((collection, count) -> written.put(collection, count - before.getOrDefault(collection, 0.0)));
        double all = written.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder each = new StringBuilder();
        written.forEach((collection, count) -> each.append(each.isEmpty() ? "" : ", ")
                .append(collection).append(' ').append("%.3f".formatted(count / events)));
        return "%.3f (%.0f documents: %s)".formatted(all / events, all, each);
    }

    /** Every batch of the workload, sent by {@code bench.clients} concurrent agency clients; the entries recorded. */
    private long ingestBatches(LocalStack stack, Workload workload) throws Exception {
        int clients = Integer.getInteger("bench.clients", 8);
        AtomicLong recorded = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
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
        return recorded.get();
    }

    /**
     * Submissions posted one at a time (no batch), by as many clients as the ingest, each about a child of its own:
     * the gateway's rate for agencies that send as they record.
     */
    private void singlePosts(LocalStack stack, Workload workload) throws Exception {
        List<String> lines = workload.singles(SINGLES_FROM, 0, Math.min(MOST_SINGLE_POSTS, Math.max(
                size.fixed(FEWEST_SINGLE_POSTS), workload.events() / 50)));
        int clients = Integer.getInteger("bench.clients", 8);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                for (int line = next.getAndIncrement(); line < lines.size(); line = next.getAndIncrement()) {
                    Answer answer = http.post(stack.gateway() + "/api/v1/submissions", token(stack, "police-east"),
                            lines.get(line));
                    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        double rate = lines.size() / ((System.nanoTime() - start) / 1e9);
        report("# single posts: " + lines.size() + " by " + clients + " clients");
        figure("ingest-single-posts-per-s", rate, "events/s", ingestRate);
    }

    /**
     * How long a submission answered {@code 201} takes to reach the read models: {@link #FRESHNESS_SAMPLES} police
     * notifications, each about a child of its own, posted at a steady {@link #FRESHNESS_RATE} a second; the
     * read-model store is asked every 10 ms which of their timelines exist (a new child's timeline appears with its
     * first entry). The baseline is the time the {@code 201} itself took, p99.
     */
    private void freshness(LocalStack stack, Workload workload, int readModelPort) throws Exception {
        List<String> lines = workload.singles(FRESHNESS_FROM, MOST_SINGLE_POSTS, size.fixed(FRESHNESS_SAMPLES));
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        List<Long> answerTimes = Collections.synchronizedList(new ArrayList<>());
        List<Long> freshness = new ArrayList<>();
        ExecutorService posters = Executors.newFixedThreadPool(16);
        String police = token(stack, "police-east");
        long start = System.nanoTime();
        List<Future<?>> posted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            long due = start + (long) (i * 1e9 / FRESHNESS_RATE);
            String line = lines.get(i);
            posted.add(posters.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long sent = System.nanoTime();
                Answer answer = http.post(stack.gateway() + "/api/v1/submissions", police, line);
                long answered = System.nanoTime();
                assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
                answerTimes.add(answered - sent);
                answeredAt.put(answer.json().path("journeyId").asText(), answered);
                return null;
            }));
        }
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + readModelPort)) {
            var timelines = mongo.getDatabase("journey").getCollection("timelines");
            long patience = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (freshness.size() < lines.size() && System.nanoTime() < patience) {
                Thread.sleep(10);
                List<String> waiting = List.copyOf(answeredAt.keySet());
                if (waiting.isEmpty()) {
                    continue;
                }
                long seen = System.nanoTime();
                for (Document found : timelines.find(Filters.in("_id", waiting)).projection(new Document("_id", 1))) {
                    Long answered = answeredAt.remove(found.getString("_id"));
                    if (answered != null) {
                        freshness.add(seen - answered);
                    }
                }
            }
        }
        for (Future<?> post : posted) {
            post.get();
        }
        posters.shutdown();
        assertThat(freshness).as("every sample reached the read models").hasSize(lines.size());
        report("# freshness: " + freshness.size() + " samples at " + FRESHNESS_RATE + " submissions/s, p50 "
                + "%.0f".formatted(percentile(freshness, 50)) + " ms, polled every 10 ms");
        figure("freshness-p99-ms", percentile(freshness, 99), "ms", percentile(answerTimes, 99));
    }

    /**
     * What the store itself takes: raw JDBC inserts of the same serialised events into a table of the event table's
     * definition (its identity key and unique constraints), with the ledger rows the gateway writes beside each (the
     * submission's note, and the child's identifier claim the first time the child is met) into tables of the
     * ledger's definitions, committed 500 events at a time, in the same store.
     */
    private void ingestBaseline(Connection store, int events) throws SQLException {
        try (Statement ddl = store.createStatement()) {
            ddl.execute("CREATE TABLE BenchEventEntry (globalIndex BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY"
                    + " KEY, eventIdentifier VARCHAR(255) NOT NULL UNIQUE, aggregateIdentifier VARCHAR(255) NOT NULL,"
                    + " sequenceNumber BIGINT NOT NULL, type VARCHAR(255), timeStamp VARCHAR(255) NOT NULL,"
                    + " payloadType VARCHAR(255) NOT NULL, payloadRevision VARCHAR(255), payload BYTEA NOT NULL,"
                    + " metaData BYTEA, CONSTRAINT bench_aggregate_sequence UNIQUE (aggregateIdentifier,"
                    + " sequenceNumber))");
            ddl.execute("CREATE TABLE bench_submission (agency VARCHAR(100) NOT NULL, source_record_id VARCHAR(200)"
                    + " NOT NULL, content_digest CHAR(64) NOT NULL, submission_type VARCHAR(64) NOT NULL, journey_id"
                    + " UUID NOT NULL, entry_id UUID NOT NULL UNIQUE, recorded_at VARCHAR(40), PRIMARY KEY (agency,"
                    + " source_record_id))");
            ddl.execute("CREATE TABLE bench_identifier (digest CHAR(64) PRIMARY KEY, journey_id UUID NOT NULL)");
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
        Set<String> children = new HashSet<>();
        long start = System.nanoTime();
        int inBatch = 0;
        try (PreparedStatement insert = store.prepareStatement("INSERT INTO BenchEventEntry (eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload,"
                + " metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement note = store.prepareStatement("INSERT INTO bench_submission (agency,"
                        + " source_record_id, content_digest, submission_type, journey_id, entry_id, recorded_at)"
                        + " VALUES ('police-east', ?, ?, 'DOMESTIC_ABUSE_NOTIFICATION', ?, ?, ?)");
                PreparedStatement claim = store.prepareStatement("INSERT INTO bench_identifier (digest,"
                        + " journey_id) VALUES (?, ?)")) {
            for (Object[] row : rows) {
                insert.setString(1, UUID.randomUUID().toString());
                for (int column = 0; column < row.length; column++) {
                    insert.setObject(column + 2, row[column]);
                }
                insert.addBatch();
                UUID journey = UUID.nameUUIDFromBytes(((String) row[0]).getBytes(StandardCharsets.UTF_8));
                String entry = UUID.randomUUID().toString();
                note.setString(1, entry);
                note.setString(2, digest(entry));
                note.setObject(3, journey);
                note.setObject(4, UUID.fromString(entry));
                note.setString(5, (String) row[3]);
                note.addBatch();
                if (children.add((String) row[0])) {
                    claim.setString(1, digest((String) row[0]));
                    claim.setObject(2, journey);
                    claim.addBatch();
                }
                if (++inBatch == 500) {
                    insert.executeBatch();
                    note.executeBatch();
                    claim.executeBatch();
                    store.commit();
                    inBatch = 0;
                }
            }
            insert.executeBatch();
            note.executeBatch();
            claim.executeBatch();
            store.commit();
        }
        double baseline = rows.size() / ((System.nanoTime() - start) / 1e9);
        store.setAutoCommit(autoCommit);
        try (Statement ddl = store.createStatement()) {
            ddl.execute("DROP TABLE BenchEventEntry");
            ddl.execute("DROP TABLE bench_submission");
            ddl.execute("DROP TABLE bench_identifier");
        }
        figure("ingest-http-events-per-s", ingestRate, "events/s", baseline);
        figure("ingest-readable-events-per-s", readableRate, "events/s", baseline);
    }

    /** A 64-character hex digest, as the ledger keeps its keys. */
    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Timeline reads while agencies push: {@link #READERS} readers, hub members, read the timelines of many children
     * (the hot child one read in five, the others drawn from all the workload's children, most of them read rarely
     * and so cold), while a further batched ingest about the same children runs (a tenth of the workload, at least
     * 2,000 submissions, a tenth of that at the smoke size). Each reader finds a child's journey once by a search, then times only timeline reads. The
     * baseline is the same readers' same number of reads once the ingest is over.
     */
    private void readsUnderIngest(LocalStack stack, Workload workload, String run) throws Exception {
        Workload more = new Workload(Workload.Size.parse(String.valueOf(Math.max(size.fixed(2_000), workload.events() / 10))),
                BATCH, 20261130L, run + "m", false);
        AtomicBoolean ingesting = new AtomicBoolean(true);
        Map<String, String> journeys = new ConcurrentHashMap<>();
        List<Long> underIngest = Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        List<Future<?>> reading = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            long seed = r;
            reading.add(readers.submit(() -> readTimelines(stack, workload, journeys, new SplittableRandom(seed),
                    underIngest, ingesting::get, Integer.MAX_VALUE)));
        }
        ingestBatches(stack, more);
        ingesting.set(false);
        for (Future<?> reader : reading) {
            reader.get();
        }
        List<Long> idle = Collections.synchronizedList(new ArrayList<>());
        int each = Math.max(1, underIngest.size() / READERS);
        reading.clear();
        for (int r = 0; r < READERS; r++) {
            long seed = r;
            reading.add(readers.submit(() -> readTimelines(stack, workload, journeys, new SplittableRandom(seed),
                    idle, () -> true, each)));
        }
        for (Future<?> reader : reading) {
            reader.get();
        }
        readers.shutdown();
        if (underIngest.isEmpty()) {
            // Only at the smoke size can the further ingest end before a reader has found its first journey.
            report("# reads under ingest: the further ingest ended before any read");
            return;
        }
        report("# reads under ingest: " + underIngest.size() + " timeline reads of " + journeys.size()
                + " children by " + READERS + " readers during " + more.events() + " more submissions");
        figure("timeline-read-under-ingest-p50-ms", percentile(underIngest, 50), "ms", percentile(idle, 50));
        figure("timeline-read-under-ingest-p99-ms", percentile(underIngest, 99), "ms", percentile(idle, 99));
    }

    /** One reader: timeline reads of drawn children, timed, while {@code going} holds and up to {@code most}. */
    private Void readTimelines(LocalStack stack, Workload workload, Map<String, String> journeys,
            SplittableRandom draw, List<Long> latencies, BooleanSupplier going, int most) throws Exception {
        for (int reads = 0; reads < most && going.getAsBoolean(); ) {
            String hub = hubToken(stack);
            String child = draw.nextInt(5) == 0 ? workload.hotChild()
                    : Workload.nhsNumber(draw.nextInt(workload.children()));
            String journey = journeys.get(child);
            if (journey == null) {
                List<String> found = http.get(stack.queryApi() + "/api/v1/journeys?nhsNumber=" + child, hub,
                        "mash-triage").json().path("journeys").findValuesAsText("journeyId");
                if (found.size() != 1) {
                    continue;
                }
                journey = found.get(0);
                journeys.put(child, journey);
            }
            long start = System.nanoTime();
            assertThat(http.getStatus(stack.queryApi() + "/api/v1/journeys/" + journey + "/timeline", hub,
                    "mash-triage")).isEqualTo(200);
            latencies.add(System.nanoTime() - start);
            reads++;
        }
        return null;
    }

    /** Timeline reads of the hot child (policy decision and disclosure record included) against a raw lookup. */
    private void readTimeline(LocalStack stack, Workload workload, Connection store, int readModelPort, int reads)
            throws Exception {
        String searcher = http.userToken(stack.tokenUrl(), "mash.mo", "mo-pw");
        String journeyId = await().atMost(Duration.ofMinutes(10)).until(() -> http.get(stack.queryApi()
                        + "/api/v1/journeys?nhsNumber=" + workload.hotChild(), searcher, "mash-triage").json()
                        .path("journeys").findValuesAsText("journeyId"), found -> found.size() == 1).get(0);
        String url = stack.queryApi() + "/api/v1/journeys/" + journeyId + "/timeline";
        // Reads are measured once the read models have caught up with the ingest, not while they compete with it.
        long head = head(store)[0];
        await().atMost(patience(workload.events())).pollInterval(Duration.ofSeconds(1))
                .until(() -> allAt(tokenPositions(store), head));
        // A token of its own: the catch-up can outlast a token's five minutes.
        String hub = http.userToken(stack.tokenUrl(), "mash.mo", "mo-pw");
        assertThat(http.get(url, hub, "mash-triage").json().path("entries").size()).isEqualTo(Workload.HOT_ENTRIES);
        int warmUp = size.fixed(WARM_UP_READS);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < reads + warmUp; i++) {
            long start = System.nanoTime();
            assertThat(http.getStatus(url, hub, "mash-triage")).isEqualTo(200);
            if (i >= warmUp) {
                latencies.add(System.nanoTime() - start);
            }
        }
        List<Long> raw = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + readModelPort)) {
            var timelines = mongo.getDatabase("journey").getCollection("timelines");
            for (int i = 0; i < reads + warmUp; i++) {
                long start = System.nanoTime();
                assertThat(timelines.find(Filters.eq("_id", journeyId)).first()).isNotNull();
                if (i >= warmUp) {
                    raw.add(System.nanoTime() - start);
                }
            }
        }
        figure("timeline-read-p50-ms", percentile(latencies, 50), "ms", percentile(raw, 50));
        figure("timeline-read-p99-ms", percentile(latencies, 99), "ms", percentile(raw, 99));
        // An auditor's review as at now replays the hot child's events from the store: against the live read.
        String ann = http.userToken(stack.tokenUrl(), "auditor.ann", "ann-pw");
        String asAt = url + "?asAt=" + Instant.now();
        List<Long> replays = new ArrayList<>();
        for (int i = 0; i < reads / 10 + warmUp; i++) {
            long start = System.nanoTime();
            assertThat(http.getStatus(asAt, ann, "case-review")).isEqualTo(200);
            if (i >= warmUp) {
                replays.add(System.nanoTime() - start);
            }
        }
        figure("as-at-" + Workload.HOT_ENTRIES + "-entries-p50-ms", percentile(replays, 50), "ms",
                percentile(latencies, 50));
    }

    /**
     * An auditor's review of a 1,000-entry journey (a tenth of that at the smoke size) as at now, which replays its events from the store (the fold and
     * the timeline's records), against the live review read of the same journey from the read models.
     */
    private void asAtOfALongJourney(LocalStack stack, Workload workload) throws Exception {
        int entries = size.fixed(LONG_JOURNEY);
        int warmUp = size.fixed(LONG_JOURNEY_WARM_UP);
        for (Workload.Batch batch : workload.longJourney(entries)) {
            Answer answer = http.postNdjson(stack.gateway() + "/api/v1/submissions:batch",
                    token(stack, batch.source().agency), String.join("\n", batch.lines()));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        }
        String ann = http.userToken(stack.tokenUrl(), "auditor.ann", "ann-pw");
        String search = "{\"nhsNumber\":\"" + workload.longJourneyChild() + "\"}";
        String journeyId = await().atMost(Duration.ofMinutes(5)).until(() -> http.post(stack.queryApi()
                + "/api/v1/journeys:search", ann, search, "case-review").json().path("journeys")
                .findValuesAsText("journeyId"), found -> found.size() == 1).get(0);
        String url = stack.queryApi() + "/api/v1/journeys/" + journeyId + "/timeline";
        await().atMost(Duration.ofMinutes(5)).until(() -> http.get(url, ann, "case-review").json().path("entries")
                .size() == entries);
        List<Long> live = new ArrayList<>();
        List<Long> asAt = new ArrayList<>();
        for (int i = 0; i < size.fixed(LONG_JOURNEY_READS) + warmUp; i++) {
            for (String read : List.of(url, url + "?asAt=" + Instant.now())) {
                long start = System.nanoTime();
                assertThat(http.getStatus(read, ann, "case-review")).isEqualTo(200);
                if (i >= warmUp) {
                    (read.equals(url) ? live : asAt).add(System.nanoTime() - start);
                }
            }
        }
        figure("as-at-" + entries + "-entries-ms", percentile(asAt, 50), "ms", percentile(live, 50));
    }

    /**
     * Searches by a reader with no ground (a teacher, for a s.47 enquiry the workload never opens) for the hot
     * child's number and for a number the record does not hold: both answer an empty list, and should take the same
     * time ("Need to know": a search does the same work for a known and an unknown number). Every agency of the
     * workload submits, so each has its own record of the hot child for the purposes below the threshold. The
     * unknown number's median is the baseline.
     */
    private void searchKnownAndUnknown(LocalStack stack, Workload workload, int searches) throws Exception {
        String tom = http.userToken(stack.tokenUrl(), "teacher.tom", "tom-pw");
        String unknown = FictionalNhsNumbers.next();
        List<Long> known = new ArrayList<>();
        List<Long> absent = new ArrayList<>();
        int warmUp = size.fixed(WARM_UP_READS);
        for (int i = 0; i < searches + warmUp; i++) {
            for (String number : List.of(workload.hotChild(), unknown)) {
                long start = System.nanoTime();
                Answer answer = http.post(stack.queryApi() + "/api/v1/journeys:search", tom,
                        "{\"nhsNumber\":\"" + number + "\"}", "safeguarding-enquiry");
                assertThat(answer.raw()).isEqualTo("{\"journeys\":[]}");
                if (i >= warmUp) {
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
        Map<String, Double> writesBefore = documentWrites(stack);
        String url = stack.queryApi() + "/api/v1/admin/rebuilds";
        String ada = http.userToken(stack.tokenUrl(), "admin.ada", "ada-pw");
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
                ada = http.userToken(stack.tokenUrl(), "admin.ada", "ada-pw");
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
        report("# replay: read-model document writes per event " + writesPer(documentWrites(stack), writesBefore,
                events) + " (the live processors' too, if any wrote meanwhile)");
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
                    .limit(size.fixed(STORE_SAMPLE)).batchSize(BULK_WRITE).into(new ArrayList<>());
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

    /**
     * One hub member's token for every reader, renewed after four minutes: Keycloak's brute-force detection counts
     * logins of one user less than a second apart as failures.
     */
    private synchronized String hubToken(LocalStack stack) throws IOException, InterruptedException {
        return token("mash.mo", () -> http.userToken(stack.tokenUrl(), "mash.mo", "mo-pw"));
    }

    private String token(LocalStack stack, String agency) throws IOException, InterruptedException {
        return token(agency, () -> http.clientToken(stack.tokenUrl(), agency));
    }

    /** A token for {@code holder}, taken anew when the cached one is four minutes old (tokens live five). */
    private String token(String holder, TokenSource source) throws IOException, InterruptedException {
        String[] cached = tokens.get(holder);
        long now = System.currentTimeMillis();
        if (cached == null || now - Long.parseLong(cached[1]) > 240_000) {
            cached = new String[] {source.take(), String.valueOf(now)};
            tokens.put(holder, cached);
        }
        return cached[0];
    }

    /** Takes a token from Keycloak. */
    @FunctionalInterface
    private interface TokenSource {
        String take() throws IOException, InterruptedException;
    }

    /** Prints a line of the report at once, so that a failure later in the run keeps what was measured. */
    private void report(String line) {
        System.out.println(line);
        reported++;
    }

    /** What the rebuild must have rebuilt: the identifier lookup finds the hot child, and its whole timeline reads. */
    private void assertRebuilt(LocalStack stack, Workload workload) throws Exception {
        String hub = http.userToken(stack.tokenUrl(), "mash.mo", "mo-pw");
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
}

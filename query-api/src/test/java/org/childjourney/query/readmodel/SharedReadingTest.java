package org.childjourney.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventMultiUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The processors' shared reading of the store, on Axon's JDBC store in H2 with events committed out of order of
 * their positions (gaps filled later): every stream gets every event exactly once, whether it reads on its own,
 * follows the reading, falls behind it or starts from a token another stream gave.
 */
class SharedReadingTest {

    private static final int MAX_GAP_OFFSET = 10_000;

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private EmbeddedEventStore store;
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    private final List<SharedReading> readings = new CopyOnWriteArrayList<>();
    /** When the events appended next were recorded; now when null. */
    private @Nullable Instant appendedAt;

    @BeforeEach
    void store() {
        dataSource.setURL("jdbc:h2:mem:shared-reading-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .maxGapOffset(MAX_GAP_OFFSET)
                .upcasterChain(new EventUpcasterChain(new SplitEveryFiftieth()))
                .build();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/journey", "classpath:db/migration/journey-h2")
                .placeholders(Map.of("service_role", "journey_service")).load().migrate();
        store = new CountingStreams(EmbeddedEventStore.builder().storageEngine(engine)
                .optimizeEventConsumption(false));
    }

    @AfterEach
    void stop() {
        readers.forEach(Reader::finish);
        readings.forEach(SharedReading::close);
        store.shutDown();
    }

    @Test
    void everyStreamGetsEveryEventOnceWithGapsFilledLate() throws Exception {
        SharedReading reading = reading(64, Duration.ofMinutes(1));
        appendAllBut(1, 40, 4, 7, 33);
        Reader fromTheStart = read(reading, null, 0);
        Reader alsoFromTheStart = read(reading, null, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> fromTheStart.taken().size() == 37);
        Reader fromTheHead = read(reading, fromTheStart.lastToken(), 0);

        append(4);
        appendAllBut(41, 200, 50, 51, 120);
        append(7);
        append(50);
        appendAllBut(201, 300);
        append(33);
        append(51);
        append(120);

        List<Integer> all = numbered(1, 300);
        awaitTaken(fromTheStart, all);
        awaitTaken(alsoFromTheStart, all);
        awaitTaken(fromTheHead, all.stream().filter(i -> i % SPLIT > 40 || List.of(4, 7, 33).contains(i)).toList());
        int shared = appendUntilShared(301, fromTheStart, alsoFromTheStart, fromTheHead);
        int opened = streamsOpened.get();
        appendAllBut(shared + 1, 400);
        List<Integer> more = numbered(1, 400);
        awaitTaken(fromTheStart, more);
        awaitTaken(alsoFromTheStart, more);
        assertThat(streamsOpened).as("no stream of its own opened by a follower").hasValue(opened);
        assertThat(fromTheStart.payloadOf(399)).as("an event read once, its payload deserialised once")
                .isSameAs(alsoFromTheStart.payloadOf(399)).isSameAs(fromTheHead.payloadOf(399));

        // Events older than the store's gap timeout: the store drops the gaps below them, never to be filled.
        appendedAt = Instant.now().minus(Duration.ofHours(1));
        appendAllBut(401, 410, 405);
        awaitTaken(fromTheStart, numbered(1, 410).stream().filter(i -> i != 405).toList());
        assertThat(((GapAwareTrackingToken) fromTheStart.lastToken()).getGaps())
                .as("a follower's token without the gaps the store dropped").isEmpty();
    }

    @Test
    void aStreamBehindTheKeptEventsReadsOnItsOwnAndFollowsAgain() throws Exception {
        SharedReading reading = reading(8, Duration.ofMinutes(1));
        appendAllBut(1, 20);
        Reader quick = read(reading, null, 0);
        Reader slow = read(reading, null, 3);
        awaitTaken(quick, IntStream.rangeClosed(1, 20).boxed().toList());
        appendAllBut(21, 150, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69);
        IntStream.rangeClosed(60, 69).forEach(this::append);
        appendAllBut(151, 160);

        List<Integer> all = numbered(1, 160);
        awaitTaken(quick, all);
        awaitTaken(slow, all);
        slow.pauseMillis = 0;
        int number = appendUntilShared(161, slow, quick);
        awaitTaken(slow, numbered(1, number));
        slow.finish();

        Reader resumed = read(reading, slow.lastToken(), 0);
        appendAllBut(number + 1, number + 10);
        awaitTaken(resumed, numbered(number + 1, number + 10));
    }

    @Test
    void theReadingStopsWhenNobodyFollowsAndStartsAgainForTheNext() throws Exception {
        SharedReading reading = reading(16, Duration.ofMillis(100));
        appendAllBut(1, 10);
        Reader first = read(reading, null, 0);
        awaitTaken(first, numbered(1, 10));
        first.finish();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("shared-event-reading")));

        appendAllBut(11, 20);
        Reader next = read(reading, first.lastToken(), 0);
        Reader another = read(reading, first.lastToken(), 0);
        awaitTaken(next, numbered(11, 20));
        appendAllBut(21, 30);
        awaitTaken(next, numbered(11, 30));
        awaitTaken(another, numbered(11, 30));
        assertThat(next.payloadOf(30)).as("both following the new reading").isSameAs(another.payloadOf(30));
    }

    /**
     * Appends events one at a time from {@code first} until all {@code readers} take the same one from the shared
     * reading (its payload deserialised once for all): the number of the last appended.
     */
    private int appendUntilShared(int first, Reader... readers) {
        for (int number = first; number < first + 50; number++) {
            append(number);
            int appended = number;
            await().atMost(Duration.ofSeconds(10)).until(() -> Stream.of(readers)
                    .allMatch(reader -> reader.payloadOf(appended) != null));
            if (Stream.of(readers).allMatch(reader -> reader.payloadOf(appended) == readers[0].payloadOf(appended))) {
                return number;
            }
        }
        throw new AssertionError("the readers did not follow the shared reading");
    }

    private SharedReading reading(int kept, Duration idle) {
        SharedReading reading = new SharedReading(store, 5, MAX_GAP_OFFSET, kept, idle, () -> { });
        readings.add(reading);
        return reading;
    }

    /**
     * The numbers from {@code first} to {@code last}, with those of the events every fiftieth is split into by
     * {@link SplitEveryFiftieth}.
     */
    private static List<Integer> numbered(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed()
                .flatMap(number -> number % 50 == 0 ? Stream.of(number, number + SPLIT) : Stream.of(number))
                .toList();
    }

    private void awaitTaken(Reader reader, List<Integer> expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reader.taken())
                .as("each event once").containsExactlyInAnyOrderElementsOf(expected));
    }

    private Reader read(SharedReading reading, @Nullable TrackingToken from, long pauseMillis) {
        Reader reader = new Reader(reading.openStream(from), pauseMillis);
        readers.add(reader);
        reader.start();
        return reader;
    }

    /** Events numbered from {@code first} to {@code last}, each at the position of its number, but the skipped. */
    private void appendAllBut(int first, int last, Integer... skipped) {
        List<Integer> skip = List.of(skipped);
        IntStream.rangeClosed(first, last).filter(number -> !skip.contains(number)).forEach(this::append);
    }

    private void append(int number) {
        EventSchema schema = EventSchema.builder().build();
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + String.join(", ",
                schema.globalIndexColumn(), schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(),
                schema.typeColumn(), schema.eventIdentifierColumn(), schema.metaDataColumn(), schema.payloadColumn(),
                schema.payloadTypeColumn(), schema.timestampColumn()) + ") VALUES (?, ?, 0, 'Tick', ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, number);
            insert.setString(2, "tick-" + number);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, ("{\"number\":" + number + "}").getBytes(StandardCharsets.UTF_8));
            insert.setString(6, Tick.class.getName());
            insert.setString(7, (appendedAt == null ? Instant.now() : appendedAt).toString());
            insert.executeUpdate();
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    record Tick(int number) {
    }

    private static final int SPLIT = 100_000;

    /** Reads every fiftieth tick as two events with one token: itself, and one numbered {@link #SPLIT} higher. */
    private static final class SplitEveryFiftieth extends EventMultiUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getData(JsonNode.class).getData().path("number").asInt() % 50 == 0;
        }

        @Override
        protected Stream<IntermediateEventRepresentation> doUpcast(IntermediateEventRepresentation event) {
            return Stream.of(event, event.upcast(event.getType(), JsonNode.class, tick -> ((ObjectNode) tick.deepCopy())
                    .put("number", tick.path("number").asInt() + SPLIT), metaData -> metaData));
        }
    }

    /** The event store, counting the streams opened on it. */
    private final class CountingStreams extends EmbeddedEventStore {

        CountingStreams(EmbeddedEventStore.Builder builder) {
            super(builder);
        }

        @Override
        public org.axonframework.eventhandling.TrackingEventStream openStream(
                @Nullable TrackingToken trackingToken) {
            streamsOpened.incrementAndGet();
            return super.openStream(trackingToken);
        }
    }

    /** A processor reading one stream on a thread of its own, pausing after each event for a slow one. */
    private static final class Reader extends Thread {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile long pauseMillis;
        private final Map<Integer, Object> payloads = new ConcurrentHashMap<>();
        private final List<Integer> taken = new CopyOnWriteArrayList<>();
        private volatile @Nullable TrackingToken lastToken;
        private volatile boolean stopping;

        Reader(BlockingStream<TrackedEventMessage<?>> stream, long pauseMillis) {
            this.stream = stream;
            this.pauseMillis = pauseMillis;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!stopping) {
                    if (stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> event = stream.nextAvailable();
                        Tick tick = (Tick) event.getPayload();
                        payloads.put(tick.number(), tick);
                        lastToken = event.trackingToken();
                        taken.add(tick.number());
                        TimeUnit.MILLISECONDS.sleep(pauseMillis);
                    }
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                stream.close();
            }
        }

        List<Integer> taken() {
            return taken;
        }

        @Nullable Object payloadOf(int number) {
            return payloads.get(number);
        }

        @Nullable TrackingToken lastToken() {
            return lastToken;
        }

        void finish() {
            stopping = true;
            try {
                join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

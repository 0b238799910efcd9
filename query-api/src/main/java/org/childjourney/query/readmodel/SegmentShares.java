package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.springboot.EventProcessorProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How many of each read-model processor's segments this instance of the query API may claim: an even share among
 * the instances alive, rounded up. Each instance says it is alive in the read store every {@link #HEARTBEAT}
 * (one document each, in the markers' collection, which no rebuild drops) and counts the others that have said so
 * within {@link #ALIVE}. A processor holding more than its share releases the surplus (Axon's pooled processors ask
 * this {@link MaxSegmentProvider} before each claim), and the other instances claim what is released at their next
 * claim. An instance stopped says so at once; one killed stops saying it is alive, its token claims time out, and
 * the others' shares grow to take its segments (within about twenty seconds: {@link #ALIVE}, a heartbeat, and a
 * claim interval of five). Before its first count an instance may claim every segment.
 */
@Component
public class SegmentShares implements MaxSegmentProvider, SmartLifecycle {

    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final Duration ALIVE = Duration.ofSeconds(10);
    private static final String PREFIX = "query-api-instance:";

    private static final Logger log = LoggerFactory.getLogger(SegmentShares.class);

    private final String instance = PREFIX + UUID.randomUUID();
    private final MongoCollection<Document> markers;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final Clock clock;
    private final List<String> groups;
    /** Each processor's segments in the token store, as last counted. */
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    private volatile int alive;
    private volatile ScheduledExecutorService heartbeats;

    SegmentShares(MongoDatabase readStore, TokenStore tokens, TransactionManager transactions, Clock clock,
            EventProcessorProperties processors) {
        this.markers = readStore.getCollection(ReadModels.SCHEMES);
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.groups = List.copyOf(processors.getProcessors().keySet());
    }

    @Override
    public int getMaxSegments(String group) {
        int counted = alive;
        Integer total = segments.get(group);
        return counted == 0 || total == null || total == 0 ? Short.MAX_VALUE : (total + counted - 1) / counted;
    }

    /** The instances alive at the last count, this one among them (0 before the first). */
    int alive() {
        return alive;
    }

    /** Says this instance is alive, and counts the instances alive and each processor's segments. */
    void heartbeat() {
        Date now = Date.from(clock.instant());
        markers.replaceOne(eq("_id", instance), new Document("_id", instance).append("seenAt", now),
                new ReplaceOptions().upsert(true));
        Date since = Date.from(clock.instant().minus(ALIVE));
        alive = (int) markers.countDocuments(and(regex("_id", "^" + PREFIX),
                gt("seenAt", since)));
        for (String group : groups) {
            segments.put(group, transactions.fetchInTransaction(() -> tokens.fetchSegments(group)).length);
        }
    }

    private void beat() {
        try {
            heartbeat();
        } catch (RuntimeException unreachable) {
            // The read store or the token store is away: the processors wait it out too. The last count stands.
            log.warn("could not count the query API's instances: {}", unreachable.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-shares");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        heartbeats = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = heartbeats;
        heartbeats = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                // A heartbeat under way would say the instance is alive again after it said it stopped.
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
                markers.deleteOne(eq("_id", instance));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException unreachable) {
                log.warn("could not say the instance stopped: {}", unreachable.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }
}

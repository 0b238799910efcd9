package org.childjourney.query.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the read-model processors read it: an idle processor asks the store for new events every
 * {@code poll} (default 50 ms) instead of every half second or second. The store learns of events another process
 * appended (the gateway's) only by asking. A pooled processor's coordinator, idle, waits for its stream's callback
 * (or half a second without one): each stream's callback is called every poll, and the coordinator asks the store.
 * A tracking processor waits up to a second for events between extensions of its token claim: that wait is cut into
 * polls. It bounds how long a submission answered {@code 201} waits before the processors see it (the benchmark's
 * freshness figure). The processors at the head of the store share one reading of it ({@link SharedReading}): one
 * indexed query a poll while they are idle, and each event read once.
 */
public final class PromptEvents implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PromptEvents.class);

    /** How long the shared reading goes on with no processor following it. */
    private static final Duration READING_IDLE = Duration.ofSeconds(10);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final SharedReading reading;
    /** The open streams' callbacks, each called every poll. */
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-polls");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param store        the event store
     * @param poll         how often an idle processor asks it for new events
     * @param maxGapOffset how far behind its position the store's token keeps gaps (its own setting)
     * @param shared       how many of the latest events the shared reading keeps ({@link SharedReading})
     */
    public PromptEvents(StreamableMessageSource<TrackedEventMessage<?>> store, Duration poll, int maxGapOffset,
            int shared) {
        this.store = store;
        long pollMillis = Math.max(1, poll.toMillis());
        this.reading = new SharedReading(store, pollMillis, maxGapOffset, shared, READING_IDLE, this::callWaiting);
        polls.scheduleWithFixedDelay(this::callWaiting, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Calls every open stream's callback. One that fails (its processor stopping) is called no more, and the polls
     * go on for the others.
     */
    private void callWaiting() {
        for (Runnable callback : waiting) {
            try {
                callback.run();
            } catch (RuntimeException stopping) {
                waiting.remove(callback);
                log.warn("a read-model processor's stream no longer takes its poll: {}", stopping.toString());
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Polled(reading.openStream(trackingToken), waiting);
    }

    @Override
    public void close() {
        polls.shutdownNow();
        reading.close();
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /**
     * A stream whose callback is called every poll. Its wait for events is the shared reading's, which asks the store
     * again every poll.
     */
    private static final class Polled implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final Set<Runnable> waiting;
        private @Nullable Runnable callback;

        Polled(BlockingStream<TrackedEventMessage<?>> stream, Set<Runnable> waiting) {
            this.stream = stream;
            this.waiting = waiting;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            if (callback != null) {
                waiting.remove(callback);
            }
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                waiting.remove(this.callback);
            }
            this.callback = callback;
            waiting.add(callback);
            return true;
        }
    }
}

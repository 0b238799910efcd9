package org.childjourney.query.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the read-model processors read it: an idle processor asks the store for new events every
 * {@code poll} (default 50 ms) instead of once a second. Axon's tracking processor waits up to a second for events
 * between extensions of its token claim, and the store learns of events another process appended (the gateway's)
 * only by asking; so the wait is cut into polls, and the claim is still extended once a second. It bounds how long
 * a submission answered {@code 201} waits before the processors see it (the benchmark's freshness figure), for one
 * indexed query a poll per idle processor.
 */
public final class PromptEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long pollMillis;

    public PromptEvents(StreamableMessageSource<TrackedEventMessage<?>> store, Duration poll) {
        this.store = store;
        this.pollMillis = Math.max(1, poll.toMillis());
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Polled(store.openStream(trackingToken), pollMillis);
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

    /** A stream whose wait for events asks the store again every poll. */
    private record Polled(BlockingStream<TrackedEventMessage<?>> stream, long pollMillis)
            implements BlockingStream<TrackedEventMessage<?>> {

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (stream.hasNextAvailable((int) Math.max(0, Math.min(pollMillis, left)), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (left <= 0) {
                    return false;
                }
            }
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
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}

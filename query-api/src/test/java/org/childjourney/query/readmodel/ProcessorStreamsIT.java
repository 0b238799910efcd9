package org.childjourney.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.childjourney.query.QueryApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The event processors at the head of the store share one reading of it ({@link SharedReading}): each event is read
 * and deserialised once for all of them. Axon's shared cache for processors at the head is never started: its
 * producer holds every event read since its current read loop began, and under a sustained ingest that loop does
 * not end (the query API ran out of heap at 200,000 submissions).
 */
@Import({ProcessorStreamsIT.Counts.class, ProcessorStreamsIT.Lookups.class})
class ProcessorStreamsIT extends QueryApiIT {

    /** Axon's name for the thread group of the shared cache's producer and its cleaner. */
    private static final String SHARED_CACHE_THREADS = "EmbeddedEventStore";

    @Autowired
    Counts projection;

    @Autowired
    Lookups otherProjection;

    @Test
    void processorsFollowTheStoreWithoutTheSharedCache() {
        int handledBefore = projection.handled.get();
        IntStream.range(0, 300).forEach(i -> eventStore.publish(GenericEventMessage.asEventMessage(new Tick(i))));

        await().atMost(Duration.ofSeconds(30)).until(() -> IntStream.range(0, 300)
                .allMatch(projection.seen::containsKey));
        assertThat(projection.handled).as("each event handled once").hasValue(handledBefore + 300);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getThreadGroup() != null
                        && SHARED_CACHE_THREADS.equals(thread.getThreadGroup().getName()));
    }

    @Test
    void processorsAtTheHeadShareEachEventRead() {
        int handledBefore = projection.handled.get();
        IntStream.range(1_000, 1_010).forEach(i -> eventStore.publish(GenericEventMessage.asEventMessage(new Tick(i))));
        await().atMost(Duration.ofSeconds(30)).until(() -> otherProjection.seen.containsKey(1_009)
                && projection.seen.containsKey(1_009));

        IntStream.range(2_000, 2_100).forEach(i -> eventStore.publish(GenericEventMessage.asEventMessage(new Tick(i))));

        await().atMost(Duration.ofSeconds(30)).until(() -> otherProjection.seen.containsKey(2_099)
                && projection.seen.containsKey(2_099));
        IntStream.range(2_000, 2_100).forEach(i -> assertThat(projection.seen.get(i))
                .as("the event deserialised once for both processors").isSameAs(otherProjection.seen.get(i)));
        assertThat(projection.handled).as("each event handled once").hasValue(handledBefore + 110);
    }

    record Tick(int number) {
    }

    /** A projection in the timeline's processor that counts what it is given. */
    @ProcessingGroup("timeline")
    static class Counts {

        final AtomicInteger handled = new AtomicInteger();
        final Map<Integer, Tick> seen = new ConcurrentHashMap<>();

        @EventHandler
        void on(Tick tick) {
            handled.incrementAndGet();
            seen.put(tick.number(), tick);
        }
    }

    /** A projection in another processor that keeps what it is given. */
    @ProcessingGroup("journey-lookup")
    static class Lookups {

        final Map<Integer, Tick> seen = new ConcurrentHashMap<>();

        @EventHandler
        void on(Tick tick) {
            seen.put(tick.number(), tick);
        }
    }
}

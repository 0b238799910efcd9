package org.childjourney.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * The event processors read the event store on streams of their own. Axon's shared cache for processors at the
 * head is never started: its producer holds every event read since its current read loop began, and under a
 * sustained ingest that loop does not end (the query API ran out of heap at 200,000 submissions).
 */
@Import(ProcessorStreamsIT.Counts.class)
class ProcessorStreamsIT extends QueryApiIT {

    /** Axon's name for the thread group of the shared cache's producer and its cleaner. */
    private static final String SHARED_CACHE_THREADS = "EmbeddedEventStore";

    @Autowired
    Counts projection;

    @Test
    void processorsFollowTheStoreWithoutTheSharedCache() {
        IntStream.range(0, 300).forEach(i -> eventStore.publish(GenericEventMessage.asEventMessage(new Tick(i))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(projection.handled).hasValue(300));
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getThreadGroup() != null
                        && SHARED_CACHE_THREADS.equals(thread.getThreadGroup().getName()));
    }

    record Tick(int number) {
    }

    /** A projection in the timeline's processor that counts what it is given. */
    @ProcessingGroup("timeline")
    static class Counts {

        final AtomicInteger handled = new AtomicInteger();

        @EventHandler
        void on(Tick tick) {
            handled.incrementAndGet();
        }
    }
}

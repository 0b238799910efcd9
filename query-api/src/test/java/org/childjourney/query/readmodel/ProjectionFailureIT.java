package org.childjourney.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.deadletter.DeadLetters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A projection that fails on an event because the read-model store failed (unreachable, timing out) gets the event
 * again once its processor retries the batch: a store's failure never leaves a read model silently without an
 * event, and never sends it to a dead-letter queue (DeadLetterIT covers failures of the event's own).
 */
@Import(ProjectionFailureIT.FailsOnce.class)
class ProjectionFailureIT extends QueryApiIT {

    @Autowired
    FailsOnce projection;
    @Autowired
    DeadLetters deadLetters;

    @Test
    void aProjectionThatFailsOnAnEventIsGivenItAgainRatherThanSkippingIt() {
        eventStore.publish(GenericEventMessage.asEventMessage(new Probe("first")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(projection.handled).hasValue(1));
        assertThat(projection.attempts.get()).isGreaterThanOrEqualTo(2);
        assertThat(deadLetters.size("timeline")).isZero();
    }

    record Probe(String name) {
    }

    /** A projection in the timeline's processor whose store fails the first time it is asked to record a probe. */
    @ProcessingGroup("timeline")
    static class FailsOnce {

        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();

        @EventHandler
        void on(Probe probe) {
            if (attempts.incrementAndGet() == 1) {
                throw new MongoSocketException("the read-model store failed", new ServerAddress());
            }
            handled.incrementAndGet();
        }
    }
}

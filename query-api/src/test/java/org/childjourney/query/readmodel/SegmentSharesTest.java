package org.childjourney.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.springboot.EventProcessorProperties;
import org.childjourney.core.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each instance of the query API claims an even share of a processor's segments among the instances alive. */
class SegmentSharesTest {

    private final MovableClock clock = new MovableClock();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final EventProcessorProperties processors = new EventProcessorProperties();
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase readStore;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        readStore = client.getDatabase("journey");
        tokens.initializeTokenSegments("timeline", 4);
        processors.getProcessors().put("timeline", new EventProcessorProperties.ProcessorSettings());
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anInstanceAloneMayClaimEverySegmentAndBeforeItHasCountedAnyOther() {
        SegmentShares alone = instance();
        assertThat(alone.getMaxSegments("timeline")).as("before the first count").isEqualTo(Short.MAX_VALUE);

        alone.heartbeat();

        assertThat(alone.getMaxSegments("timeline")).isEqualTo(4);
    }

    @Test
    void instancesAliveShareTheSegmentsRoundedUpAndAStoppedOneLeavesItsShareAtOnce() {
        tokens.initializeTokenSegments("inbox", 5);
        processors.getProcessors().put("inbox", new EventProcessorProperties.ProcessorSettings());
        List<SegmentShares> instances = List.of(instance(), instance(), instance());
        instances.forEach(SegmentShares::start);
        try {
            instances.forEach(SegmentShares::heartbeat);
            instances.get(0).heartbeat();
            assertThat(instances.get(0).getMaxSegments("timeline")).as("four among three").isEqualTo(2);
            assertThat(instances.get(0).getMaxSegments("inbox")).as("five among three").isEqualTo(2);

            instances.get(2).stop();
            instances.get(0).heartbeat();
            assertThat(instances.get(0).getMaxSegments("inbox")).as("five among two").isEqualTo(3);

            instances.get(1).stop();
            instances.get(0).heartbeat();
            assertThat(instances.get(0).getMaxSegments("timeline")).as("four for one").isEqualTo(4);
        } finally {
            instances.forEach(SegmentShares::stop);
        }
    }

    @Test
    void anInstanceThatStopsSayingItIsAliveLeavesItsShareToTheOthers() {
        SegmentShares survivor = instance();
        SegmentShares killed = instance();
        killed.heartbeat();
        survivor.heartbeat();
        assertThat(survivor.getMaxSegments("timeline")).isEqualTo(2);

        clock.advance(SegmentShares.ALIVE.plus(Duration.ofSeconds(1)));
        survivor.heartbeat();

        assertThat(survivor.getMaxSegments("timeline")).isEqualTo(4);
    }

    private SegmentShares instance() {
        return new SegmentShares(readStore, tokens, NoTransactionManager.instance(), clock, processors);
    }
}

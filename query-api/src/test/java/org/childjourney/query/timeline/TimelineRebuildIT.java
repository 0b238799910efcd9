package org.childjourney.query.timeline;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.readmodel.PagedItems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The timeline is a disposable view of the event store: replaying every event, over a document that already has
 * them, gives the same document (redelivery changes nothing), and so does rebuilding from an empty collection. A
 * probe in the timeline's processing group counts the journey's events as they are delivered, so that each
 * comparison is made only once the replay has delivered all of them again.
 */
@SpringBootTest
@Import(TimelineRebuildIT.Deliveries.class)
class TimelineRebuildIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readModels;
    @Autowired
    TimelineStore store;
    @Autowired
    Deliveries deliveries;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:rebuild-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://localhost:1/unused");
        // Four entries cross a page.
        registry.add("childjourney.query.read-model-page-size", () -> "3");
    }

    @Test
    void replayingEveryEventOverOrInsteadOfTheTimelineGivesTheSameTimeline() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.REFUSED);
        story.domesticAbuse("2026-11-20T21:14:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        List<Document> projected = await().atMost(Duration.ofSeconds(15)).until(() -> timeline(story),
                records -> records != null && records.size() == 5);
        assertThat(PagedItems.pagesOf(projected.get(0))).isEqualTo(1);
        assertThat(deliveries.of(story)).isEqualTo(4);

        replay();
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries.of(story) == 8);
        assertThat(timeline(story)).isEqualTo(projected);

        readModels.getCollection(TimelineDocument.COLLECTION).drop();
        readModels.getCollection(TimelineDocument.PAGES).drop();
        assertThat(timeline(story)).isNull();
        replay();
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries.of(story) == 12);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(story)).isEqualTo(projected));
    }

    /**
     * The timeline's head, then every record in order; {@code null} without a head. The head is shown without how
     * it is stored: its revision, and the full pages it holds until a later batch copies them out.
     */
    private @Nullable List<Document> timeline(JourneyStories story) {
        Document head = store.timelines().find(eq("_id", story.journeyId().toString())).first();
        if (head == null) {
            return null;
        }
        Document shown = new Document(head);
        shown.remove("_rev");
        shown.remove("sealed");
        List<Document> documents = new ArrayList<>(List.of(shown));
        documents.addAll(PagedItems.all(head, store.pages()));
        return documents;
    }

    /** Counts each delivery of a journey's events to the timeline's processing group, redeliveries included. */
    @ProcessingGroup("timeline")
    static class Deliveries {

        private final Map<ChildJourneyId, AtomicInteger> counts = new ConcurrentHashMap<>();

        @EventHandler
        void on(JourneyEvent event) {
            counts.computeIfAbsent(event.journeyId(), id -> new AtomicInteger()).incrementAndGet();
        }

        int of(JourneyStories story) {
            return counts.getOrDefault(story.journeyId(), new AtomicInteger()).get();
        }
    }

    /** Resets the timeline processor to the start of the event store, once it has claimed its segment. */
    private void replay() {
        StreamingEventProcessor processor = processing.eventProcessor("timeline", StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(15)).until(() -> !processor.processingStatus().isEmpty());
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}

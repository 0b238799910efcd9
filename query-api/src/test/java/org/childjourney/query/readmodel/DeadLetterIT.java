package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One journey's event that a projection cannot apply, whether its handler fails or its document cannot be written,
 * stops nothing else: it waits in the processing group's dead-letter queue with that journey's later events, every
 * other journey goes on, a metric and the health show it, and an administrator lists and retries it once the cause
 * is mended. The poison comes from a probe projection in the timeline's processing group.
 */
@Import(DeadLetterIT.Probe.class)
@AutoConfigureObservability(tracing = false)
class DeadLetterIT extends QueryApiIT {

    @Autowired
    Probe probe;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadModels readModels;

    private QueryClient query;
    private String mo;
    private String ann;
    private String ada;

    @BeforeEach
    void readers() {
        query = new QueryClient(port);
        mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
        ann = TOKENS.user("auditor.ann", null, "auditor");
        ada = TOKENS.user("admin.ada", null, "admin");
    }

    @Test
    void anEventWhoseHandlerFailsWaitsWithItsJourneysLaterEventsAndEveryOtherJourneyGoesOn() {
        JourneyStories poisoned = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        JourneyStories healthy = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        poisoned.aeAttendance("2026-11-18T10:00:00Z");
        awaitEntries(poisoned, 1);
        probe.failWhileHandling.add(poisoned.journeyId());

        poisoned.contact("2026-11-19T10:00:00Z");
        awaitWaiting(poisoned, 1);
        String later = poisoned.schoolConcern("2026-11-20T10:00:00Z", ConsentStatus.GIVEN).toString();
        healthy.contact("2026-11-20T11:00:00Z");
        awaitEntries(healthy, 1);
        awaitWaiting(poisoned, 2);

        assertThat(entryIds(poisoned)).doesNotContain(later);
        assertThat(health()).isEqualTo("DEAD_LETTERS");
        assertThat(query.get("/actuator/prometheus", null, Map.of()).status()).as("metrics: administrators only")
                .isEqualTo(401);
        assertThat(query.get("/actuator/prometheus", mo, Map.of()).status()).isEqualTo(403);
        String scraper = TOKENS.user("metrics-scraper", null, "metrics");
        assertThat(query.get("/actuator/prometheus", scraper, Map.of()).raw()).as("the monitoring system's")
                .contains("childjourney_dead_letters{group=\"timeline\"} 2.0");
        assertThat(query.post("/api/v1/admin/dead-letters/timeline:retry", scraper, Map.of(), "").status())
                .as("and nothing else").isEqualTo(403);
        assertThat(query.get("/actuator/prometheus", ada, Map.of()).raw())
                .contains("childjourney_dead_letters{group=\"timeline\"} 2.0")
                .contains("childjourney_reads_total{decision=\"permitted\",kind=\"timeline\",purpose=\"case-review\"}")
                .contains("childjourney_processor_lag{group=\"timeline\"}");
        assertThat(query.post("/api/v1/admin/dead-letters/timeline:retry", mo, Map.of(), "").status())
                .isEqualTo(403);

        probe.failWhileHandling.clear();
        Answer retried = query.post("/api/v1/admin/dead-letters/timeline:retry", ada, Map.of(), "");

        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.json().path("applied").asInt()).isEqualTo(1);
        assertThat(retried.json().path("waiting").asInt()).isZero();
        assertThat(entryIds(poisoned)).hasSize(3).contains(later);
        assertThat(health()).isEqualTo("UP");
    }

    @Test
    void theEventsBehindADocumentThatCannotBeWrittenWaitAndEveryOtherDocumentIsWritten() {
        JourneyStories poisoned = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        JourneyStories healthy = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        probe.unwritable.add(poisoned.journeyId());

        poisoned.contact("2026-11-19T10:00:00Z");
        healthy.contact("2026-11-19T11:00:00Z");
        awaitWaiting(poisoned, 1);
        awaitEntries(healthy, 1);
        String later = poisoned.schoolConcern("2026-11-20T10:00:00Z", ConsentStatus.GIVEN).toString();
        healthy.schoolConcern("2026-11-20T11:00:00Z", ConsentStatus.GIVEN);
        awaitEntries(healthy, 2);
        awaitWaiting(poisoned, 2);

        assertThat(probe.documents.find(eq("_id", healthy.journeyId().toString())).first()).isNotNull();
        assertThat(probe.documents.find(eq("_id", poisoned.journeyId().toString())).first()).isNull();
        assertThat(entryIds(poisoned)).doesNotContain(later);
        assertThat(waitingOf(poisoned).path("cause").asText()).startsWith(PoisonedDocuments.DocumentPoisoned.class.getName())
                .doesNotContain("$bad");

        probe.unwritable.clear();
        Answer retried = query.post("/api/v1/admin/dead-letters/timeline:retry", ada, Map.of(), "");

        assertThat(retried.json().path("applied").asInt()).as(retried.raw()).isEqualTo(1);
        assertThat(probe.documents.find(eq("_id", poisoned.journeyId().toString())).first()).isNotNull();
        assertThat(entryIds(poisoned)).contains(later);
    }

    /**
     * Dead letters hold a journey's events enciphered, as the store does; once the journey is erased its letters of
     * content nobody can read any more leave the queue, and its erasure reaches the projections, which drop its
     * timeline (docs/erasure.md).
     */
    @Test
    void anErasedJourneysLettersHoldNothingInClearAndItsErasureStillReachesTheTimeline() {
        JourneyStories poisoned = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        poisoned.aeAttendance("2026-11-18T10:00:00Z");
        awaitEntries(poisoned, 1);
        probe.failWhileHandling.add(poisoned.journeyId());
        poisoned.contact("2026-11-19T10:00:00Z");
        poisoned.schoolConcern("2026-11-20T10:00:00Z", ConsentStatus.GIVEN);
        awaitWaiting(poisoned, 2);

        List<String> letters = jdbc.sql("SELECT payload FROM DeadLetterEntry WHERE sequenceIdentifier = ?")
                .param(poisoned.journeyId().toString())
                .query((row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8)).list();
        assertThat(letters).hasSize(2).allSatisfy(letter -> assertThat(letter).startsWith("{\"cipher\":\"cj1\"")
                .doesNotContain("Concerns from several agencies", "Hungry most mornings"));
        probe.failWhileHandling.remove(poisoned.journeyId());

        Answer erased = query.post("/api/v1/journeys/" + poisoned.journeyId() + "/erasure", ada, Map.of(),
                "{\"ground\":\"court-order\",\"reason\":\"Fictional: an order to destroy the record\"}");

        assertThat(erased.status()).as(erased.raw()).isEqualTo(202);
        awaitWaiting(poisoned, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> readModels.collection("timelines")
                .countDocuments(eq("_id", poisoned.journeyId().toString())) == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DeadLetterEntry WHERE sequenceIdentifier = ?")
                .param(poisoned.journeyId().toString()).query(Long.class).single()).isZero();
    }

    private void awaitEntries(JourneyStories story, int entries) {
        await().atMost(Duration.ofSeconds(30)).until(() -> entryIds(story).size() == entries);
    }

    private void awaitWaiting(JourneyStories story, int events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingOf(story).path("events").asInt() == events);
    }

    /** The journey's entry in the timeline group's dead-letter queue, as the administrator lists it. */
    private JsonNode waitingOf(JourneyStories story) {
        for (JsonNode sequence : query.get("/api/v1/admin/dead-letters", ada, Map.of()).json().path("sequences")) {
            if (sequence.path("journeyId").asText().equals(story.journeyId().toString())
                    && sequence.path("group").asText().equals("timeline")) {
                return sequence;
            }
        }
        return MissingNode.getInstance();
    }

    private List<String> entryIds(JourneyStories story) {
        return query.get("/api/v1/journeys/" + story.journeyId() + "/timeline", ann, "case-review").json()
                .path("entries").findValuesAsText("entryId");
    }

    private String health() {
        return query.get("/actuator/health", null, Map.of()).json().path("status").asText();
    }

    /**
     * A projection in the timeline's processing group that fails on the journeys it is told to: while handling their
     * events, or by writing a document for them that no MongoDB accepts (a field name starting with {@code $}).
     */
    @ProcessingGroup("timeline")
    static class Probe {

        final Set<ChildJourneyId> failWhileHandling = ConcurrentHashMap.newKeySet();
        final Set<ChildJourneyId> unwritable = ConcurrentHashMap.newKeySet();
        final MongoCollection<Document> documents;
        private final ReadModels readModels;
        private final PoisonedDocuments poisoned;

        Probe(ReadModels readModels, PoisonedDocuments poisoned) {
            this.documents = readModels.collection("probe");
            this.readModels = readModels;
            this.poisoned = poisoned;
        }

        @EventHandler
        void on(JourneyEvent event, UnitOfWork<?> unitOfWork) {
            if (failWhileHandling.contains(event.journeyId())) {
                throw new IllegalStateException("the probe fails on this journey");
            }
            String id = event.journeyId().toString();
            DocumentBatch.of(unitOfWork, readModels, "probe", poisoned).put(id, new Document("_id", id)
                    .append(unwritable.contains(event.journeyId()) ? "$bad" : "good", true));
        }
    }
}

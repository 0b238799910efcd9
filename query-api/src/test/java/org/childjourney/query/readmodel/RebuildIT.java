package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rebuild of every read model, slowed to last more than 30 seconds, while a social worker keeps reading and an
 * agency keeps recording: every read answers with the whole timeline, progress is reported, the new generation
 * takes over with what was recorded meanwhile, the old one is dropped, and the live processors go on writing the
 * new one.
 */
class RebuildIT extends QueryApiIT {

    private static final int CONCERNS = 44;

    @Autowired
    MongoDatabase readModels;
    @Autowired
    SegmentShares shares;

    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String ada = TOKENS.user("admin.ada", null, "admin");

    @DynamicPropertySource
    static void slowRebuild(DynamicPropertyRegistry registry) {
        // The journey's 46 events, handled twice (in journey order, then the store's), and a disclosure record for
        // each read the test makes meanwhile (one every 1.5 seconds): at 3 events a second, about 40 seconds.
        registry.add("childjourney.query.rebuild.events-per-second", () -> "3");
    }

    @Test
    void readsAnswerThroughoutARebuildAndTheNewGenerationTakesOver() throws InterruptedException {
        QueryClient query = new QueryClient(port);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        for (int n = 0; n < CONCERNS; n++) {
            story.schoolConcern(Instant.parse("2026-11-02T09:00:00Z").plusSeconds(60L * n).toString(),
                    ConsentStatus.GIVEN);
        }
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        await().atMost(Duration.ofSeconds(15)).until(() -> entries(query.get(path, sarah, "child-in-need")),
                shown -> shown.size() == CONCERNS + 1);
        assertThat(query.post("/api/v1/admin/rebuilds", sarah, Map.of(), "").status()).isEqualTo(403);

        Instant started = Instant.now();
        Answer accepted = query.post("/api/v1/admin/rebuilds", ada, Map.of(), "");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String rebuild = "/api/v1/admin/rebuilds/" + accepted.json().path("rebuildId").asText();
        assertThat(query.post("/api/v1/admin/rebuilds", ada, Map.of(), "").json().path("rebuildId").asText())
                .as("one rebuild at a time").isEqualTo(accepted.json().path("rebuildId").asText());

        EntryId meanwhile = null;
        List<Long> progress = new ArrayList<>();
        JsonNode status = query.get(rebuild, ada, Map.of()).json();
        while (status.path("state").asText().equals("running")) {
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMinutes(2));
            Answer read = query.get(path, sarah, "child-in-need");
            assertThat(read.status()).isEqualTo(200);
            assertThat(entries(read)).as("the whole timeline, throughout").hasSizeGreaterThanOrEqualTo(CONCERNS + 1);
            progress.add(status.path("eventsDone").asLong());
            assertThat(status.path("eventsDone").asLong()).isLessThanOrEqualTo(status.path("eventsTotal").asLong());
            if (meanwhile == null && Duration.between(started, Instant.now()).toSeconds() >= 10) {
                meanwhile = story.schoolConcern("2026-11-20T09:00:00Z", ConsentStatus.GIVEN);
            }
            Thread.sleep(1_500);
            status = query.get(rebuild, ada, Map.of()).json();
        }

        assertThat(status.path("state").asText()).isEqualTo("switched");
        assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(progress).as("progress reported as it went").isSorted().hasSizeGreaterThan(10);
        assertThat(status.path("eventsDone").asLong()).isEqualTo(status.path("eventsTotal").asLong()).isPositive();
        assertThat(entries(query.get(path, sarah, "child-in-need"))).as("what was recorded meanwhile")
                .contains(meanwhile.toString()).hasSize(CONCERNS + 2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(readModels.listCollectionNames()
                .into(new ArrayList<>())).as("the old generation dropped, after reads begun on it have finished")
                .contains("timelines_g2", "access_reads_g2").doesNotContain("timelines", "access_reads"));

        EntryId after = story.schoolConcern("2026-11-21T09:00:00Z", ConsentStatus.GIVEN);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(entries(query.get(path, sarah,
                "child-in-need"))).as("the live processors write the new generation").contains(after.toString()));
    }

    @Test
    void aRebuildIsRefusedWhileAnotherInstanceOfTheQueryApiIsAlive() {
        QueryClient query = new QueryClient(port);
        String another = "query-api-instance:another";
        readModels.getCollection(ReadModels.SCHEMES).insertOne(new Document("_id", another).append("seenAt",
                new Date()));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> shares.alive() == 2);

            Answer refused = query.post("/api/v1/admin/rebuilds", ada, Map.of(), "");

            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.json().path("detail").asText()).contains("a rebuild runs with one");
        } finally {
            readModels.getCollection(ReadModels.SCHEMES).deleteOne(eq("_id", another));
            await().atMost(Duration.ofSeconds(10)).until(() -> shares.alive() == 1);
        }
    }

    private static List<String> entries(Answer timeline) {
        List<String> ids = new ArrayList<>();
        timeline.json().path("entries").forEach(entry -> ids.add(entry.path("entryId").asText()));
        return ids;
    }
}

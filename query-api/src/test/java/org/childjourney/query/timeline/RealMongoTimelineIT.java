package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same read path against a real MongoDB (a single-node replica set, as production runs), where Docker is
 * available. Skipped, not failed, where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoTimelineIT extends QueryApiIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MONGO::getReplicaSetUrl);
    }

    @Test
    void aHubMemberReadsTheTimelineFromARealMongoDb() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(new QueryClient(port)
                .get("/api/v1/journeys/" + story.journeyId() + "/timeline", mo, "mash-triage").json()
                .path("entries").findValuesAsText("type")).containsExactly("ae-attendance", "school-concern"));
    }
}

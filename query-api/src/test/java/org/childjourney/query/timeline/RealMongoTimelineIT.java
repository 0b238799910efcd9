package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryClient;
import org.childjourney.query.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealMongoTimelineIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");
    static final Tokens TOKENS = new Tokens();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MONGO::getReplicaSetUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:mongo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
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

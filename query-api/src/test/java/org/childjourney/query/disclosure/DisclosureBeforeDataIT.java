package org.childjourney.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.childjourney.query.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** If the disclosure record cannot be appended, the read fails and nothing about the child is sent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisclosureBeforeDataIT {

    static final Tokens TOKENS = new Tokens();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:disclose-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void aReadWhoseDisclosureRecordCannotBeStoredFailsAndSendsNothing() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
        QueryClient query = new QueryClient(port);
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path, mo, "mash-triage").status() == 200);

        jdbc.sql("ALTER TABLE DomainEventEntry ADD CONSTRAINT no_disclosures CHECK (payloadType NOT LIKE "
                + "'%JourneyDisclosed') NOCHECK").update();
        Answer answer;
        try {
            answer = query.get(path, mo, "mash-triage");
        } finally {
            jdbc.sql("ALTER TABLE DomainEventEntry DROP CONSTRAINT no_disclosures").update();
        }

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.raw()).doesNotContain("entries", "school", "Hungry", "neglect");
    }
}

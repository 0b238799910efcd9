package org.childjourney.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient.Answer;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** If the disclosure record cannot be appended, the read fails and nothing about the child is sent. */
class DisclosureBeforeDataIT extends QueryApiIT {

    @Autowired
    JdbcClient jdbc;

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

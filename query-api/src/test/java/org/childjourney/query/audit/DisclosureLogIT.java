package org.childjourney.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditors' disclosure log ({@code GET /api/v1/audit/disclosures}): every read of a journey, permitted or
 * refused, with its reader, purpose, grounds and decision, filtered by journey, reader and time, a page at a time,
 * complete up to the moment it is read (from the event store), and itself recorded.
 */
class DisclosureLogIT extends QueryApiIT {

    @Autowired
    JdbcClient jdbc;

    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    @Test
    void listsEveryReadOfAJourneyWithItsGroundsAndDecisionAtOnce() {
        QueryClient query = new QueryClient(port);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        story.schoolConcern("2026-11-02T09:00:00Z", ConsentStatus.GIVEN);
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        assertThat(query.get(path, sarah, "child-in-need").status()).isEqualTo(200);
        assertThat(query.get(path, tom, "early-help").status()).isEqualTo(403);

        JsonNode items = log(query, "journeyId=" + story.journeyId()).json().path("items");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("viewer").asText()).isEqualTo("sw.sarah");
        assertThat(items.get(0).path("agency").asText()).isEqualTo("csc-county");
        assertThat(items.get(0).path("decision").asText()).isEqualTo("permitted");
        assertThat(items.get(0).path("grounds").toString()).isEqualTo("[\"own-record\",\"lead\"]");
        assertThat(items.get(0).path("purpose").asText()).isEqualTo("child-in-need");
        assertThat(items.get(1).path("viewer").asText()).isEqualTo("teacher.tom");
        assertThat(items.get(1).path("decision").asText()).isEqualTo("refused");
        assertThat(items.get(1).path("reason").asText()).isEqualTo("NO_GROUND");
        assertThat(log(query, "journeyId=" + story.journeyId() + "&viewer=teacher.tom").json().path("items")
                .findValuesAsText("viewer")).containsExactly("teacher.tom");
        assertThat(log(query, "journeyId=" + story.journeyId() + "&from=" + Instant.now().plusSeconds(60))
                .json().path("items")).isEmpty();
        assertThat(log(query, "journeyId=" + story.journeyId()).json().path("items").findValuesAsText("kind"))
                .as("the listing is itself a read of the journey").contains("audit-trail");
    }

    @Test
    void readsALongLogAPageAtATime() {
        QueryClient query = new QueryClient(port);
        String journey = UUID.randomUUID().toString();
        for (int i = 0; i < DisclosureLogQueryHandler.PAGE + 20; i++) {
            assertThat(query.get("/api/v1/journeys/" + journey + "/timeline", tom, "early-help").status())
                    .isEqualTo(403);
        }
        List<String> listed = new ArrayList<>();
        String page = null;
        int pages = 0;
        do {
            JsonNode answer = log(query, "viewer=teacher.tom&journeyId=" + journey
                    + (page == null ? "" : "&page=" + page)).json();
            answer.path("items").forEach(item -> listed.add(item.path("disclosureId").asText()));
            page = answer.path("next").isNull() || answer.path("next").isMissingNode() ? null
                    : answer.path("next").asText();
            pages++;
        } while (page != null && pages < 10);

        assertThat(pages).isGreaterThan(1);
        assertThat(listed).hasSize(DisclosureLogQueryHandler.PAGE + 20).doesNotHaveDuplicates();
    }

    @Test
    void isForAuditorsAndRefusesWhatItCannotRead() {
        QueryClient query = new QueryClient(port);

        assertThat(query.get("/api/v1/audit/disclosures", sarah, Map.of()).status()).isEqualTo(403);
        assertThat(log(query, "page=not-a-token").status()).isEqualTo(400);
        assertThat(log(query, "from=yesterday").status()).isEqualTo(400);
    }

    private Answer log(QueryClient query, String filters) {
        return query.get("/api/v1/audit/disclosures?" + filters, ann, Map.of());
    }
}

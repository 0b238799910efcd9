package org.childjourney.query.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.Test;

/**
 * The records manager's list of journeys due for retention review (docs/erasure.md): each journey's review counted
 * from its latest entry under the schedule (25 years, 40 once a child protection plan was started, as
 * {@code application.yml} sets them), listed by year for administrators only; an erased journey leaves the list.
 */
class RetentionIT extends QueryApiIT {

    @Test
    void administratorsSeeWhichJourneysAreDueForReviewAndAnErasedOneLeavesTheList() {
        QueryClient query = new QueryClient(port);
        String ada = TOKENS.user("admin.ada", null, "admin");
        String ann = TOKENS.user("auditor.ann", null, "auditor");
        JourneyStories ordinary = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        ordinary.aeAttendance("2026-11-18T10:00:00Z");
        JourneyStories planned = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        planned.contact("2026-11-19T10:00:00Z");
        planned.childProtectionPlan("2026-11-20T10:00:00Z");
        int recorded = Year.now(ZoneOffset.UTC).getValue();
        await().atMost(Duration.ofSeconds(20)).until(() -> due(query, ada, recorded + 40).size() == 2);

        assertThat(due(query, ada, recorded + 24)).isEmpty();
        List<JsonNode> in25 = due(query, ada, recorded + 25);
        assertThat(in25).extracting(review -> review.path("journeyId").asText())
                .containsExactly(ordinary.journeyId().toString());
        assertThat(in25.get(0).path("rule").asText()).isEqualTo("after-last-entry");
        JsonNode plan = due(query, ada, recorded + 40).get(1);
        assertThat(plan.path("journeyId").asText()).isEqualTo(planned.journeyId().toString());
        assertThat(plan.path("reviewYear").asInt()).isEqualTo(recorded + 40);
        assertThat(plan.path("rule").asText()).isEqualTo("after-child-protection-plan");
        assertThat(query.get("/api/v1/admin/retention-reviews?dueBy=2066", ann, Map.of()).status())
                .as("administrators only").isEqualTo(403);
        assertThat(query.get("/api/v1/admin/retention-reviews?dueBy=soon", ada, Map.of()).status()).isEqualTo(400);

        assertThat(query.post("/api/v1/journeys/" + ordinary.journeyId() + "/erasure", ada, Map.of(),
                "{\"ground\":\"retention-ended\",\"reason\":\"Fictional: reviewed by the records manager\"}")
                .status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> due(query, ada, recorded + 40).size() == 1);
        assertThat(due(query, ada, recorded + 40).get(0).path("journeyId").asText())
                .isEqualTo(planned.journeyId().toString());
    }

    private static List<JsonNode> due(QueryClient query, String token, int year) {
        List<JsonNode> journeys = new ArrayList<>();
        query.get("/api/v1/admin/retention-reviews?dueBy=" + year, token, Map.of()).json().path("journeys")
                .forEach(journeys::add);
        return journeys;
    }
}

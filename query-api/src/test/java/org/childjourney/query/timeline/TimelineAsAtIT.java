package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericEventMessage;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.LawfulBasis;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.Test;
import org.childjourney.core.cipher.JourneyKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What was known, by whom and when: an auditor reads a timeline as it had been recorded at an instant T (a
 * correction and a retraction recorded after T are not applied), what a social worker's read before T disclosed
 * (exactly the entries her answer held), and what the rules in force would have shown her for her purpose on the
 * facts of T, though since then consent has been withdrawn, the school has left the team and the service reads under
 * a new policy version. The expected timeline and reads come from an independent reading of the raw stored events
 * ({@link AsAtOracle}). Each review is itself recorded.
 */
class TimelineAsAtIT extends QueryApiIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JourneyKeys keys;

    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    @Test
    void showsTheTimelineAndTheReadsAsTheyWereAtAnInstant() throws InterruptedException {
        QueryClient query = new QueryClient(port);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        EntryId concern = story.schoolConcern("2026-11-02T09:00:00Z", ConsentStatus.GIVEN);
        EntryId attendance = story.aeAttendance("2026-11-03T10:00:00Z");
        story.teamMemberAdded(JourneyStories.SCHOOL, TeamRole.CORE_GROUP, null);
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path, ann, "case-review"),
                answer -> answer.json().path("entries").size() == 4);
        JsonNode herRead = query.get(path, sarah, "child-in-need").json();
        List<String> sheWasShown = herRead.path("entries").findValuesAsText("entryId");
        await().atMost(Duration.ofSeconds(15)).until(() -> query.get("/api/v1/journeys/" + story.journeyId()
                + "/accesses", ann, "case-review").json().path("accesses").findValuesAsText("viewer")
                .contains("sw.sarah"));
        Thread.sleep(5);
        Instant then = Instant.now();
        Thread.sleep(5);
        story.corrected(JourneyStories.SCHOOL, concern,
                "{\"category\":\"emotional-abuse\",\"description\":\"Corrected\",\"actionTaken\":\"Spoke to DSL\"}");
        story.retracted(JourneyStories.HOSPITAL, attendance);
        story.consentWithdrawn(AgencyKind.CHILDRENS_SOCIAL_CARE);
        story.teamMemberRemoved(JourneyStories.SCHOOL, TeamRole.CORE_GROUP, null);
        // A later release of the service reads under a new policy version.
        eventStore.publish(GenericEventMessage.asEventMessage(new JourneyDisclosed(story.journeyId(),
                new Viewer("auditor.ann", null, Set.of(Role.AUDITOR)), Purpose.CASE_REVIEW, null, ReadKind.TIMELINE,
                LawfulBasis.CASE_REVIEW, List.of(Ground.REVIEW), List.of(), List.of(), "2099.01-1")));
        await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path, ann, "case-review").json()
                .path("entries").findValuesAsText("status").contains("retracted"));
        long recorded = disclosureRecords();

        JsonNode asAt = query.get(path + "?asAt=" + then + "&viewer=sw.sarah&viewerPurpose=child-in-need", ann,
                "case-review").json();
        AsAtOracle oracle = AsAtOracle.of(jdbc, story.journeyId().toString(), then, "sw.sarah",
                keys.toDecipher(story.journeyId().toString()).orElseThrow().getEncoded());

        Map<String, String> statuses = new LinkedHashMap<>();
        asAt.path("entries").forEach(entry -> statuses.put(entry.path("entryId").asText(),
                entry.path("status").asText()));
        assertThat(statuses).as("what the raw events recorded by then say").isEqualTo(oracle.statuses());
        assertThat(entry(asAt, concern).path("details").path("description").asText())
                .isEqualTo(oracle.description(concern.toString()));
        List<List<String>> readsThen = new ArrayList<>();
        asAt.path("reads").forEach(read -> readsThen.add(textsOf(read.path("entriesDisclosed"))));
        assertThat(readsThen).as("exactly what each stored disclosure record names").isEqualTo(oracle.reads());

        assertThat(statuses).hasSize(4).containsKeys(concern.toString(), attendance.toString());
        assertThat(asAt.path("entries").findValuesAsText("status")).containsOnly("current");
        assertThat(entry(asAt, concern).path("details").path("category").asText()).isEqualTo("neglect");
        assertThat(asAt.path("reads")).hasSize(1);
        assertThat(textsOf(asAt.path("reads").get(0).path("entriesDisclosed")))
                .as("exactly what her read disclosed").containsExactlyInAnyOrderElementsOf(sheWasShown);
        assertThat(asAt.path("wouldSee").path("decision").asText()).isEqualTo("permitted");
        assertThat(textsOf(asAt.path("wouldSee").path("entryIds"))).as("consent had not been withdrawn then")
                .contains(concern.toString(), attendance.toString());
        assertThat(asAt.path("wouldSee").path("policyVersion").asText()).isEqualTo("2026.12-1");
        assertThat(disclosureRecords()).as("the review is itself a read").isEqualTo(recorded + 1);
        assertThat(query.get(path, sarah, "child-in-need").json().path("entries").findValuesAsText("entryId"))
                .as("now, after the withdrawal").doesNotContain(concern.toString());
    }

    @Test
    void isForAuditorsForACaseReviewAndAsksForAnInstant() {
        QueryClient query = new QueryClient(port);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline?asAt=";

        assertThat(query.get(path + Instant.now(), sarah, "child-in-need").status()).isEqualTo(403);
        assertThat(query.get(path + "last-tuesday", ann, "case-review").status()).isEqualTo(400);
        Answer before = query.get(path + "2020-01-01T00:00:00Z", ann, "case-review");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("entries")).as("nothing recorded by then").isEmpty();
        assertThat(query.get(path + Instant.now() + "&viewer=sw.sarah&viewerPurpose=curiosity", ann,
                Map.of("X-Purpose", "case-review")).status()).isEqualTo(400);
    }

    private long disclosureRecords() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE ?")
                .param("%.JourneyDisclosed").query(Long.class).single();
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode entry(JsonNode timeline, EntryId entryId) {
        for (JsonNode entry : timeline.path("entries")) {
            if (entry.path("entryId").asText().equals(entryId.toString())) {
                return entry;
            }
        }
        throw new AssertionError("entry not shown");
    }
}

package org.childjourney.query.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.childjourney.core.MovableClock;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.event.BreakGlassGranted;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.MovableClockInTheServices;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient.Answer;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Break-glass through the HTTP API, with a clock the test moves: a justification of at least 20 characters on each
 * read; the view by the reader's kind of agency; one four-hour grant per reader and journey, opened once even by
 * simultaneous reads, ended by a seal; notices to the lead agency, or without one to the agencies with entries;
 * the auditors' review queue and their review.
 */
@Import(MovableClockInTheServices.class)
class BreakGlassIT extends QueryApiIT {

    static final String JUSTIFICATION = "Child missing from school, police searching, carers unreachable";

    @Autowired
    MovableClock clock;

    QueryClient query;
    JourneyStories story;
    String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    String paul = TOKENS.user("pc.paul", "police-east", "practitioner");
    String nia = TOKENS.user("nurse.nia", "hospital-north", "practitioner");
    String ann = TOKENS.user("auditor.ann", null, "auditor");
    String ada = TOKENS.user("admin.ada", null, "admin");

    @BeforeEach
    void aChildKnownToASchoolAndAHospital() {
        query = new QueryClient(port);
        clock.reset();
        story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.REFUSED);
        story.aeAttendance("2026-11-18T10:00:00Z");
        await().atMost(Duration.ofSeconds(15)).until(() -> timeline(ann, "case-review", null),
                answer -> answer.status() == 200 && answer.json().path("entries").size() == 2);
    }

    @Test
    void eachReadNeedsAJustificationOfTwentyCharacters() {
        Answer none = timeline(paul, "emergency", null);
        Answer tooShort = timeline(paul, "emergency", "urgent please");

        assertThat(none.status()).isEqualTo(400);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("errors").findValuesAsText("field")).containsExactly("X-Justification");
        assertThat(grants()).isZero();
    }

    @Test
    void policeHealthAndSocialCareSeeTheJourneyASchoolTheFlagsAndWhomToCall() {
        Answer police = timeline(paul, "emergency", JUSTIFICATION);
        Answer school = timeline(tom, "emergency", JUSTIFICATION);

        assertThat(police.status()).isEqualTo(200);
        assertThat(police.json().path("grounds").toString()).isEqualTo("[\"break-glass\"]");
        assertThat(police.json().path("entries")).hasSize(2);
        assertThat(school.status()).isEqualTo(200);
        assertThat(school.json().path("entries")).isEmpty();
        assertThat(school.json().path("flags").path("childProtectionPlan").asBoolean()).isFalse();
        assertThat(school.json().path("flags").has("leadAgency")).as("no lead agency to call yet").isFalse();
    }

    @Test
    void aGrantLastsFourHoursPerReaderAndJourneyAndTellsTheAgenciesWithEntriesOnce() {
        timeline(paul, "emergency", JUSTIFICATION);
        clock.advance(Duration.ofHours(3).plusMinutes(59));
        timeline(paul, "emergency", JUSTIFICATION);
        assertThat(grants()).as("a read inside the grant opens none").isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        timeline(paul, "emergency", JUSTIFICATION);

        assertThat(grants()).as("a read after four hours opens a new grant").isEqualTo(2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(notices("school-parkside")).hasSize(2);
            assertThat(notices("hospital-north")).hasSize(2);
        });
        assertThat(notices("police-east")).as("never a broadcast").isEmpty();
    }

    @Test
    void theLeadAgencyAloneIsToldWhenThereIsOne() {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");

        assertThat(timeline(tom, "emergency", JUSTIFICATION).json().path("flags").path("leadAgency").asText())
                .isEqualTo("csc-county");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notices("csc-county")).hasSize(1));
        assertThat(notices("school-parkside")).isEmpty();
        assertThat(notices("hospital-north")).isEmpty();
    }

    @Test
    void simultaneousReadsOpenOneGrantAndSendOneNotice() {
        List<CompletableFuture<Answer>> reads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reads.add(CompletableFuture.supplyAsync(() -> timeline(nia, "emergency", JUSTIFICATION)));
        }

        assertThat(reads.stream().map(CompletableFuture::join).map(Answer::status)).containsOnly(200);
        assertThat(grants()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notices("school-parkside")).hasSize(1));
        assertThat(notices("hospital-north")).hasSize(1);
    }

    @Test
    void aSealEndsTheGrantAndAReadAfterUnsealingOpensANewOne() {
        timeline(paul, "emergency", JUSTIFICATION);
        assertThat(query.post(path("/seal"), ada, Map.of(), "{\"reason\":\"Adoption order made\"}").status())
                .isEqualTo(201);
        assertThat(timeline(paul, "emergency", JUSTIFICATION).status()).isEqualTo(403);
        assertThat(query.post(path("/unseal"), ada, Map.of(), "{\"reason\":\"Order set aside\"}").status())
                .isEqualTo(201);

        assertThat(timeline(paul, "emergency", JUSTIFICATION).status()).isEqualTo(200);
        assertThat(grants()).isEqualTo(2);
    }

    @Test
    void everyGrantWaitsInTheAuditorsQueueUntilReviewed() {
        timeline(paul, "emergency", JUSTIFICATION);
        JsonNode grant = await().atMost(Duration.ofSeconds(15)).until(this::queuedGrant, item -> item != null);

        assertThat(grant.path("reader").asText()).isEqualTo("pc.paul");
        assertThat(grant.path("agency").asText()).isEqualTo("police-east");
        assertThat(grant.path("justification").asText()).isEqualTo(JUSTIFICATION);
        assertThat(Duration.between(Instant.parse(grant.path("openedAt").asText()),
                Instant.parse(grant.path("expiresAt").asText()))).isEqualTo(Duration.ofHours(4));
        assertThat(query.get("/api/v1/audit/break-glass?reviewed=false", paul, Map.of()).status()).isEqualTo(403);

        String review = "/api/v1/audit/break-glass/" + grant.path("grantId").asText() + "/review";
        Answer bad = query.post(review, ann, Map.of(), "{\"outcome\":\"fine\",\"note\":\"\"}");
        Answer reviewed = query.post(review, ann, Map.of(),
                "{\"outcome\":\"justified\",\"note\":\"Child was missing; the lead could not be reached\"}");
        Answer again = query.post(review, ann, Map.of(), "{\"outcome\":\"not-justified\",\"note\":\"Second look\"}");
        Answer byPaul = query.post(review, paul, Map.of(), "{\"outcome\":\"justified\",\"note\":\"Mine\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(reviewed.status()).as(reviewed.raw()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(byPaul.status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(queuedGrant()).isNull());
        JsonNode all = query.get("/api/v1/audit/break-glass?reviewed=true", ann, Map.of()).json();
        assertThat(all.path("items").findValuesAsText("outcome")).contains("justified");
    }

    @Test
    void theReadIsFlaggedForReviewInTheAccessLog() {
        timeline(tom, "emergency", JUSTIFICATION);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode accesses = query.get(path("/accesses"), ann, "case-review").json().path("accesses");
            assertThat(accesses.toString()).contains("\"flaggedForReview\":true", "\"break-glass\"");
        });
    }

    /** This journey's grant in the queue awaiting review, or {@code null}. */
    private JsonNode queuedGrant() {
        for (JsonNode item : query.get("/api/v1/audit/break-glass?reviewed=false", ann, Map.of()).json()
                .path("items")) {
            if (item.path("journeyId").asText().equals(story.journeyId().toString())) {
                return item;
            }
        }
        return null;
    }

    /** The grants recorded on the journey: counted in the event store, which decides, not a read model. */
    private long grants() {
        DomainEventStream events = eventStore.readEvents(story.journeyId().toString());
        return events.asStream().filter(event -> event.getPayload() instanceof BreakGlassGranted).count();
    }

    private List<JsonNode> notices(String agency) {
        String token = TOKENS.issue("journey", "service-account-" + agency, agency, List.of("agency-system"), 300);
        List<JsonNode> found = new ArrayList<>();
        query.get("/api/v1/inbox", token, Map.of()).json().path("items").forEach(item -> {
            if (item.path("kind").asText().equals("break-glass-notice")
                    && item.path("journeyId").asText().equals(story.journeyId().toString())) {
                found.add(item);
            }
        });
        return found;
    }

    private Answer timeline(String token, String purpose, String justification) {
        Map<String, String> headers = justification == null ? Map.of("X-Purpose", purpose)
                : Map.of("X-Purpose", purpose, "X-Justification", justification);
        return query.get(path("/timeline"), token, headers);
    }

    private String path(String suffix) {
        return "/api/v1/journeys/" + story.journeyId() + suffix;
    }
}

package org.childjourney.query.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.Inboxes;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The record talks back, through each agency's inbox: a referrer hears the front door's decision (never its
 * rationale), the agencies working with a child hear that a plan started, the child's school (and no other) hears
 * of a night's domestic abuse for the next school day, and the lead hears of a pattern, citing its entries. A burst
 * of submissions raises each notice once, and a rebuild of the read models raises none twice.
 */
class FeedbackLoopsIT extends QueryApiIT {

    private static final Agency RIVERSIDE = new Agency(AgencyCode.of("school-riverside"), AgencyKind.EDUCATION);
    private static final String ADMIN = TOKENS.user("admin.ada", null, "admin");

    @Autowired
    Configuration axon;

    private QueryClient query;
    private JourneyStories story;

    @BeforeEach
    void aChild() {
        query = new QueryClient(port);
        story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
    }

    @Test
    void theReferrerHearsTheDecisionAndItsDateNeverTheRationale() {
        EntryId contact = story.contact(JourneyStories.SCHOOL, "2026-11-20T15:00:00Z");
        EntryId decision = story.decided(contact);

        JsonNode outcome = awaitItem("school-parkside", "referral-outcome");

        assertThat(outcome.path("entryIds").toString()).isEqualTo("[\"" + contact + "\",\"" + decision + "\"]");
        assertThat(outcome.path("summary").asText()).startsWith("The front door decided on the contact of 2026-11-20:")
                .doesNotContain(JourneyStories.RATIONALE);
        assertThat(items("csc-county", "referral-outcome")).as("the front door is not told its own decision")
                .isEmpty();
    }

    @Test
    void theAgenciesWorkingWithTheChildHearThatAPlanStarted() {
        story.involvementStarted(JourneyStories.HOSPITAL, "2026-11-01T09:00:00Z");
        story.involvementStarted(JourneyStories.SCHOOL, "2026-11-02T09:00:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-03T09:00:00Z");
        EntryId plan = story.childProtectionPlan("2026-11-25T12:00:00Z");

        assertThat(awaitItem("hospital-north", "plan-notice").path("entryIds").toString())
                .isEqualTo("[\"" + plan + "\"]");
        assertThat(awaitItem("school-parkside", "plan-notice").path("summary").asText())
                .startsWith("A child protection plan started for this child on 2026-11-25");
        assertThat(items("csc-county", "plan-notice")).isEmpty();
    }

    @Test
    void theChildsSchoolAloneHearsOfTheNightsDomesticAbuseForTheNextSchoolDayWithoutPoliceDetail() {
        story.involvementStarted(JourneyStories.SCHOOL, "2026-09-01T08:00:00Z");
        story.involvementStarted(JourneyStories.HOSPITAL, "2026-09-02T08:00:00Z");
        Instant before = Instant.now();
        EntryId incident = story.domesticAbuse("2026-11-27T21:40:00Z");

        JsonNode notice = awaitItem("school-parkside", "encompass-notice");

        assertThat(notice.path("entryIds").toString()).isEqualTo("[\"" + incident + "\"]");
        assertThat(notice.path("summary").asText()).contains("Operation Encompass").doesNotContain("INC-7");
        Instant deliverBy = Instant.parse(notice.path("deliverBy").asText());
        assertThat(deliverBy).isAfter(before).isBefore(before.plus(Duration.ofDays(4)));
        assertThat(items(RIVERSIDE.code().value(), "encompass-notice")).as("no other school").isEmpty();
        assertThat(items("hospital-north", null)).as("no other agency working with the child").isEmpty();
    }

    @Test
    void anAttendanceOfAChildOnAPlanIsAlertedOnceToTheLeadInABurstAndARebuildRaisesNoneTwice() throws Exception {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-10-01T09:00:00Z");
        story.childProtectionPlan("2026-10-20T12:00:00Z");
        List<JourneyStories> others = new ArrayList<>();
        EntryId attendance = null;
        for (int n = 0; n < 1_000; n++) {
            if (n == 500) {
                attendance = story.aeAttendance("2026-11-01T10:00:00Z");
            } else {
                JourneyStories other = n % 100 == 0 || others.isEmpty()
                        ? new JourneyStories(eventStore, FictionalNhsNumbers.next()) : others.get(others.size() - 1);
                if (!others.contains(other)) {
                    others.add(other);
                }
                other.contact(JourneyStories.SCHOOL, "2026-11-0" + (1 + n % 9) + "T10:00:00Z");
            }
        }
        String alertId = "pattern-alert-attendance-during-a-plan-" + attendance;

        JsonNode alert = await().atMost(Duration.ofSeconds(60)).until(() -> item("csc-county", alertId),
                found -> found != null);
        assertThat(alert.path("summary").asText()).startsWith("An emergency department attendance of a child on a"
                + " child protection plan: on 2026-11-01");
        assertThat(alert.path("entryIds").toString()).contains(attendance.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> notices(story).size() >= 1);
        assertThat(notices(story)).as("alerted once, in the journey's own stream").containsExactly(alertId);

        Answer rebuild = query.post("/api/v1/admin/rebuilds", ADMIN, Map.of(), "");
        assertThat(rebuild.status()).isEqualTo(202);
        String status = "/api/v1/admin/rebuilds/" + rebuild.json().path("rebuildId").asText();
        await().atMost(Duration.ofSeconds(120)).until(() -> query.get(status, ADMIN, Map.of()).json()
                .path("state").asText(), state -> !state.equals("running"));
        assertThat(items("csc-county", "pattern-alert").stream().filter(item -> item.path("itemId").asText()
                .equals(alertId))).as("one item after the rebuild").hasSize(1);
        assertThat(notices(story)).containsExactly(alertId);

        // The feedback processor itself replayed from the start of the store: every notice derived again, none new.
        StreamingEventProcessor feedback = axon.eventProcessingConfiguration()
                .eventProcessor(FeedbackProcessor.GROUP, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(15)).until(() -> !feedback.processingStatus().isEmpty());
        feedback.shutDown();
        feedback.resetTokens();
        feedback.start();
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(120)).until(() -> !feedback.processingStatus().isEmpty()
                && feedback.processingStatus().values().stream().allMatch(tracker -> tracker.getCurrentPosition()
                        .orElse(-1) >= head));
        assertThat(notices(story)).as("replayed: raised once all the same").containsExactly(alertId);
    }

    @Test
    void aRuleReplayedOverHistoryShowsWhatItWouldHaveFlaggedAndRaisesNothing() {
        JourneyStories frequent = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        frequent.aeAttendance("2026-03-01T10:00:00Z");
        frequent.aeAttendance("2026-05-01T10:00:00Z");
        frequent.aeAttendance("2026-07-01T10:00:00Z");
        String auditor = TOKENS.user("auditor.ann", null, "auditor");
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(frequent).size() == 1);

        Answer replay = query.post("/api/v1/admin/pattern-rules/repeated-emergency-attendances/replay", auditor,
                Map.of(), "");
        Answer rules = query.get("/api/v1/admin/pattern-rules", ADMIN, Map.of());

        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        assertThat(replay.json().path("alerts").asLong()).isPositive();
        assertThat(replay.json().path("eventsRead").asLong()).isPositive();
        assertThat(notices(frequent)).as("the replay raised nothing").hasSize(1);
        assertThat(query.post("/api/v1/admin/pattern-rules/repeated-emergency-attendances/replay", ADMIN, Map.of(),
                "").status()).as("its examples name children: auditors only").isEqualTo(403);
        assertThat(rules.json().path("version").asText()).isEqualTo("2026.12-1");
        assertThat(rules.json().path("rules").findValuesAsText("id")).contains("repeated-emergency-attendances",
                "attendance-during-a-plan", "concerns-without-a-decision");
        assertThat(query.post("/api/v1/admin/pattern-rules/no-such-rule/replay", auditor, Map.of(), "").status())
                .isEqualTo(400);
        assertThat(query.post("/api/v1/admin/pattern-rules/repeated-emergency-attendances/replay",
                TOKENS.user("sw.sarah", "csc-county", "practitioner"), Map.of(), "").status()).isEqualTo(403);
    }

    /** The ids of the notices recorded in the journey's own stream. */
    private List<String> notices(JourneyStories journey) {
        List<String> ids = new ArrayList<>();
        eventStore.readEvents(journey.journeyId().toString()).asStream().map(DomainEventMessage::getPayload)
                .filter(AgencyNotified.class::isInstance).map(AgencyNotified.class::cast)
                .forEach(notice -> ids.add(notice.noticeId()));
        return ids;
    }

    private JsonNode awaitItem(String agency, String kind) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> items(agency, kind), found -> !found.isEmpty())
                .get(0);
    }

    private JsonNode item(String agency, String itemId) {
        return items(agency, null).stream().filter(item -> item.path("itemId").asText().equals(itemId)).findFirst()
                .orElse(null);
    }

    /** The agency's items about this test's child, of a kind (or all). */
    private List<JsonNode> items(String agency, String kind) {
        return new Inboxes(query, TOKENS).items(agency, story.journeyId(), kind);
    }
}

package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.childjourney.core.access.RefusalReason;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient.Answer;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may read a child's timeline, and what they see: the first access policy through the HTTP API, on the
 * embedded defaults (H2 event store, in-process MongoDB-wire read models).
 */
class TimelineAccessIT extends QueryApiIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MongoDatabase readModels;

    QueryClient query;
    JourneyStories story;
    String nhsNumber;
    String sarah;
    String dan;
    String tom;
    String mo;
    String ann;

    @BeforeEach
    void aChildKnownToFourAgencies() {
        query = new QueryClient(port);
        nhsNumber = FictionalNhsNumbers.next();
        story = new JourneyStories(eventStore, nhsNumber);
        sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
        dan = TOKENS.user("dsl.dan", "school-parkside", "practitioner");
        tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
        mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
        ann = TOKENS.user("auditor.ann", null, "auditor");
    }

    @Test
    void theLeadAgencyReadsEveryAgencysEntriesInTheOrderTheyHappened() {
        story.domesticAbuse("2026-11-20T21:14:00Z");
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.contact("2026-11-21T08:30:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");

        JsonNode timeline = readWhenProjected(sarah, "child-in-need", 5).json();

        assertThat(timeline.path("entries").findValuesAsText("type")).containsExactly("ae-attendance",
                "school-concern", "domestic-abuse-notification", "contact", "involvement-started");
        assertThat(timeline.path("entries").findValuesAsText("code")).containsExactly("hospital-north",
                "school-parkside", "police-east", "csc-county", "csc-county");
        assertThat(timeline.path("purpose").asText()).isEqualTo("child-in-need");
        assertThat(timeline.path("grounds").toString()).isEqualTo("[\"own-record\",\"lead\"]");
        assertThat(timeline.path("flags").path("leadAgency").asText()).isEqualTo("csc-county");
        assertThat(timeline.path("lawfulBasis").asText()).contains("Children Act 1989 s.17");
        assertThat(timeline.path("asOf").asText()).isNotBlank();
        assertThat(timeline.path("entries").get(0).path("recordedAt").asText()).isNotBlank();
    }

    @Test
    void anAgencyThatSubmittedAnEntryReadsItsOwnEntriesAndNoOtherAgencys() {
        EntryId concern = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.domesticAbuse("2026-11-20T21:14:00Z");
        story.aeAttendance("2026-11-18T10:00:00Z");
        awaitProjected(3);

        JsonNode own = query.get(timelinePath(story.journeyId().toString()), dan, "early-help").json();

        assertThat(own.path("entries").findValuesAsText("entryId")).containsExactly(concern.toString());
        assertThat(own.path("grounds").toString()).isEqualTo("[\"own-record\"]");
        assertThat(own.has("flags")).as("flags only with an open involvement").isFalse();
    }

    @Test
    void aPractitionerWithNoRelationshipIsRefusedExactlyAsForAJourneyThatDoesNotExist() {
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        readWhenProjected(dan, "early-help", 1);
        String unknownJourney = UUID.randomUUID().toString();

        assertRefusedAlike(query.get(timelinePath(story.journeyId().toString()), tom, "early-help"),
                query.get(timelinePath(unknownJourney), tom, "early-help"));
        assertRefusedAlike(query.get(accessesPath(), tom, "early-help"),
                query.get("/api/v1/journeys/" + unknownJourney + "/accesses", tom, "early-help"));
        Answer knownChild = query.post("/api/v1/journeys:search", tom, Map.of("X-Purpose", "early-help"),
                "{\"nhsNumber\":\"" + nhsNumber + "\"}");
        Answer unknownChild = query.post("/api/v1/journeys:search", tom, Map.of("X-Purpose", "early-help"),
                "{\"nhsNumber\":\"" + FictionalNhsNumbers.next() + "\"}");
        assertThat(knownChild.status()).isEqualTo(unknownChild.status()).isEqualTo(200);
        assertThat(knownChild.raw()).isEqualTo(unknownChild.raw()).isEqualTo("{\"journeys\":[]}");
        assertThat(headersWithoutDate(knownChild)).isEqualTo(headersWithoutDate(unknownChild));
    }

    @Test
    void aSealedJourneyIsRefusedExactlyAsOneThatDoesNotExist() {
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        readWhenProjected(sarah, "child-in-need", 2);
        String ada = TOKENS.user("admin.ada", null, "admin");
        assertThat(query.post("/api/v1/journeys/" + story.journeyId() + "/seal", ada, Map.of(),
                "{\"reason\":\"Adoption order made\"}").status()).isEqualTo(201);

        assertRefusedAlike(query.get(timelinePath(story.journeyId().toString()), sarah, "child-in-need"),
                query.get(timelinePath(UUID.randomUUID().toString()), sarah, "child-in-need"));
    }

    /** Two refusals that must not tell a reader apart what lies behind them: the same body, the same headers. */
    private void assertRefusedAlike(Answer refused, Answer unknown) {
        assertThat(refused.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(withoutInstance(refused.json())).isEqualTo(withoutInstance(unknown.json()));
        assertThat(headersWithoutDate(refused)).isEqualTo(headersWithoutDate(unknown));
        String body = withoutInstance(refused.json()).toString();
        assertThat(body).doesNotContain("school", "neglect", "Hungry", "entries", nhsNumber,
                story.journeyId().toString());
        for (RefusalReason reason : RefusalReason.values()) {
            assertThat(refused.raw()).doesNotContain(reason.name());
        }
    }

    private static Map<String, List<String>> headersWithoutDate(Answer answer) {
        Map<String, List<String>> headers = new TreeMap<>(answer.headers().map());
        headers.remove("date");
        headers.remove("Date");
        return headers;
    }

    @Test
    void theHubReadsWhileAFrontDoorItemAwaitsItsDecision() {
        story.aeAttendance("2026-11-18T10:00:00Z");
        awaitProjected(1);
        assertThat(query.get(timelinePath(story.journeyId().toString()), mo, "mash-triage").status())
                .as("nothing at the front door: no ground for the hub").isEqualTo(403);

        story.contact("2026-11-21T08:30:00Z");
        Answer triage = readWhenProjected(mo, "mash-triage", 2);

        assertThat(triage.json().path("grounds").toString()).isEqualTo("[\"hub\"]");
    }

    @Test
    void entriesSharedUnderARefusalOfConsentAreWithheldBelowTheSection47Threshold() {
        EntryId refused = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.REFUSED);
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        story.strategyDiscussion(StrategyDecision.S47_ENQUIRY, JourneyStories.POLICE);
        readWhenProjected(sarah, "safeguarding-enquiry", 4);

        JsonNode childInNeed = query.get(timelinePath(story.journeyId().toString()), sarah, "child-in-need").json();
        JsonNode enquiry = query.get(timelinePath(story.journeyId().toString()), sarah, "safeguarding-enquiry").json();

        assertThat(childInNeed.path("entries").findValuesAsText("entryId")).doesNotContain(refused.toString())
                .hasSize(3);
        assertThat(enquiry.path("entries").findValuesAsText("entryId")).contains(refused.toString()).hasSize(4);
        assertThat(enquiry.path("grounds").toString()).isEqualTo("[\"enquiry\"]");
    }

    @Test
    void theEndOfTheLeadsInvolvementLeavesItsPractitionersTheirOwnEntriesOnly() {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        EntryId concern = story.schoolConcern("2026-11-02T09:00:00Z", ConsentStatus.GIVEN);
        readWhenProjected(sarah, "child-in-need", 2);
        story.involvementEnded(JourneyStories.SOCIAL_CARE, "2026-11-10T09:00:00Z");

        Answer next = query.get(timelinePath(story.journeyId().toString()), sarah, "child-in-need");

        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().path("grounds").toString()).isEqualTo("[\"own-record\"]");
        assertThat(next.json().path("entries").findValuesAsText("entryId")).doesNotContain(concern.toString());
        assertThat(next.json().path("entries").findValuesAsText("code")).containsOnly("csc-county");
    }

    @Test
    void correctionsShowTheCorrectedDetailsAndRetractedEntriesOnlyToAuditors() {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        EntryId concern = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        EntryId ae = story.aeAttendance("2026-11-18T10:00:00Z");
        story.corrected(JourneyStories.SCHOOL, concern,
                "{\"category\":\"emotional-abuse\",\"description\":\"Corrected\",\"actionTaken\":\"Spoke to DSL\"}");
        story.retracted(JourneyStories.HOSPITAL, ae);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode entries = query.get(timelinePath(story.journeyId().toString()), sarah, "child-in-need").json()
                    .path("entries");
            assertThat(entries.findValuesAsText("entryId")).doesNotContain(ae.toString()).hasSize(2);
            JsonNode corrected = entries.get(1);
            assertThat(corrected.path("entryId").asText()).isEqualTo(concern.toString());
            assertThat(corrected.path("status").asText()).isEqualTo("corrected");
            assertThat(corrected.path("details").path("category").asText()).isEqualTo("emotional-abuse");
        });
        JsonNode review = query.get(timelinePath(story.journeyId().toString()), ann, "case-review").json();
        assertThat(review.path("entries").findValuesAsText("status")).contains("retracted", "corrected");
    }

    @Test
    void aReadWithoutAPurposeIsABadRequest() {
        story.aeAttendance("2026-11-18T10:00:00Z");

        assertThat(query.get(timelinePath(story.journeyId().toString()), mo, (String) null).status()).isEqualTo(400);
        assertThat(query.get(timelinePath(story.journeyId().toString()), mo, "curiosity").status()).isEqualTo(400);
        Answer emergency = query.get(timelinePath(story.journeyId().toString()), mo, "emergency");
        assertThat(emergency.status()).isEqualTo(400);
        assertThat(emergency.json().path("errors").findValuesAsText("field")).containsExactly("X-Justification");
    }

    @Test
    void everyReadIsRecordedBeforeTheAnswerLeavesAndAuditorsListThem() {
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        readWhenProjected(sarah, "child-in-need", 2);
        long before = disclosureRecords();

        assertThat(query.get(timelinePath(story.journeyId().toString()), sarah, "child-in-need").status())
                .isEqualTo(200);
        assertThat(disclosureRecords()).isEqualTo(before + 1);
        assertThat(query.get(timelinePath(story.journeyId().toString()), tom, "child-in-need").status())
                .isEqualTo(403);
        assertThat(disclosureRecords()).isEqualTo(before + 2);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode accesses = query.get(accessesPath(), ann, "case-review").json().path("accesses");
            assertThat(accesses.findValuesAsText("viewer")).contains("sw.sarah", "teacher.tom");
            assertThat(accesses.findValuesAsText("decision")).contains("permitted", "refused");
            assertThat(accesses.findValuesAsText("reason")).contains("NO_GROUND");
        });
        Answer practitionersView = query.get(accessesPath(), sarah, "child-in-need");
        assertThat(practitionersView.status()).isEqualTo(200);
        JsonNode seen = practitionersView.json().path("accesses");
        assertThat(seen.findValuesAsText("viewer")).as("her own agency's reads in full").contains("sw.sarah")
                .as("another agency's read: its agency and date only").doesNotContain("teacher.tom");
        assertThat(seen.findValuesAsText("agency")).contains("school-riverside");
        assertThat(seen.findValues("reason")).as("refusal reasons: auditors only").isEmpty();
        assertThat(practitionersView.raw()).doesNotContain("NO_GROUND");
        assertThat(query.get(accessesPath(), tom, "child-in-need").status()).isEqualTo(403);
    }

    @Test
    void searchFindsTheJourneysAReaderMayReadAndIsItselfRecorded() {
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        // The police's own local id leads to the child through the police's entry only.
        story.domesticAbuse("2026-11-20T21:14:00Z");
        readWhenProjected(sarah, "child-in-need", 3);
        long before = disclosureRecords();

        Answer found = query.get("/api/v1/journeys?nhsNumber=" + nhsNumber, sarah, "child-in-need");
        Answer byLocalId = query.get("/api/v1/journeys?system=police-east/person&value=P-" + nhsNumber, sarah,
                "child-in-need");
        Answer notForTom = query.get("/api/v1/journeys?nhsNumber=" + nhsNumber, tom, "child-in-need");
        Answer auditorSearch = query.get("/api/v1/journeys?nhsNumber=" + nhsNumber, ann, "child-in-need");
        Answer badNumber = query.get("/api/v1/journeys?nhsNumber=1234567890", sarah, "child-in-need");

        assertThat(found.json().path("journeys").findValuesAsText("journeyId"))
                .containsExactly(story.journeyId().toString());
        assertThat(byLocalId.json().path("journeys").findValuesAsText("journeyId"))
                .containsExactly(story.journeyId().toString());
        assertThat(notForTom.status()).isEqualTo(200);
        assertThat(notForTom.json().path("journeys")).isEmpty();
        assertThat(auditorSearch.status()).isEqualTo(403);
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(disclosureRecords()).isEqualTo(before + 4);
        List<Document> lookups = readModels.getCollection("identifier_lookup").find().into(new ArrayList<>());
        assertThat(lookups).extracting(lookup -> lookup.getString("_id")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(id -> assertThat(id).as("a keyed digest").matches("[0-9a-f]{64}"));
        assertThat(lookups.toString()).doesNotContain(nhsNumber);
    }

    /** Waits until an auditor's review shows this many entries: the timeline read model has caught up. */
    private void awaitProjected(int entries) {
        readWhenProjected(ann, "case-review", entries);
    }

    private Answer readWhenProjected(String token, String purpose, int entries) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> query.get(timelinePath(story.journeyId().toString()), token, purpose),
                answer -> answer.status() == 200 && answer.json().path("entries").size() == entries);
    }

    private long disclosureRecords() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType IN (?, ?, ?)")
                .params("org.childjourney.core.journey.event.JourneyDisclosed",
                        "org.childjourney.core.journey.event.AccessRefused",
                        "org.childjourney.core.journey.event.JourneysSearched")
                .query(Long.class).single();
    }

    private String accessesPath() {
        return "/api/v1/journeys/" + story.journeyId() + "/accesses";
    }

    private static String timelinePath(String journeyId) {
        return "/api/v1/journeys/" + journeyId + "/timeline";
    }

    /** The whole problem body but its {@code instance}, which names the path asked for. */
    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode body = problem.deepCopy();
        body.remove("instance");
        return body;
    }
}

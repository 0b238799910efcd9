package org.childjourney.query.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two journeys the hub finds are one child's: a school's concern and social care's involvement on one, a hospital's
 * attendance on the other (the hospital knew the child by another identifier). Linked, both ids answer with one
 * timeline and one set of access facts, at once; unlinked, each answers exactly as before, as a replay from the event
 * store shows; a timeline as at a past instant joins them only from when the link was made.
 */
class LinkedJourneysIT extends QueryApiIT {

    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String nia = TOKENS.user("nurse.nia", "hospital-north", "practitioner");
    private final String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");
    private final String ada = TOKENS.user("admin.ada", null, "admin");

    private QueryClient query;
    private JourneyStories school;
    private JourneyStories hospital;
    private EntryId concern;
    private EntryId involvement;
    private EntryId attendance;

    @BeforeEach
    void twoJourneysOfOneChild() {
        query = new QueryClient(port);
        school = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        hospital = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        concern = school.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        involvement = school.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        attendance = hospital.aeAttendance("2026-11-20T22:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> entryIds(review(school)).size() == 2
                && entryIds(review(hospital)).size() == 1);
    }

    @Test
    void linkedBothIdsAnswerWithOneTimelineAndOneSetOfFactsAndUnlinkedEachExactlyAsBefore() {
        JsonNode schoolBefore = review(school).json().path("entries");
        JsonNode hospitalBefore = review(hospital).json().path("entries");
        assertThat(read(hospital, sarah).status()).as("social care leads on the school's journey only").isEqualTo(403);

        Instant beforeLink = Instant.now();
        Answer linked = link(school, hospital, mo);
        Answer hospitalRead = read(hospital, sarah);
        Answer schoolRead = read(school, sarah);

        assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
        assertThat(hospitalRead.status()).as("the lead's ground, on the very next read").isEqualTo(200);
        assertThat(hospitalRead.json().path("grounds").toString()).isEqualTo("[\"own-record\",\"lead\"]");
        assertThat(entryIds(hospitalRead)).containsExactly(concern.toString(), attendance.toString(),
                involvement.toString());
        assertThat(entryIds(schoolRead)).isEqualTo(entryIds(hospitalRead));
        assertThat(hospitalRead.json().path("linkedJourneys").toString())
                .isEqualTo("[\"" + school.journeyId() + "\"]");
        assertThat(schoolRead.json().path("linkedJourneys").toString())
                .isEqualTo("[\"" + hospital.journeyId() + "\"]");
        assertThat(read(school, nia).json().path("entries").findValuesAsText("entryId"))
                .as("the hospital's own record: its own entries, whichever id it asks for")
                .containsExactly(attendance.toString());

        // Each journey's own log names the read of its own entries, whichever id was asked for.
        JsonNode accesses = await().atMost(Duration.ofSeconds(15)).until(
                () -> query.get(path(school, "/accesses"), ann, "case-review").json().path("accesses"),
                found -> readsOf(found, "sw.sarah", "permitted").size() >= 4);
        List<JsonNode> sarahsReads = readsOf(accesses, "sw.sarah", "permitted");
        assertThat(sarahsReads).extracting(read -> read.path("journeyId").asText())
                .contains(school.journeyId().toString(), hospital.journeyId().toString());
        assertThat(sarahsReads).filteredOn(read -> read.path("journeyId").asText()
                        .equals(hospital.journeyId().toString()))
                .allSatisfy(read -> assertThat(read.path("entriesDisclosed").toString())
                        .isEqualTo("[\"" + attendance + "\"]"));

        Answer asAtBefore = asAt(school, beforeLink);
        Answer asAtNow = asAt(school, Instant.now());
        assertThat(entryIds(asAtBefore)).as("the link was not made then")
                .containsExactly(concern.toString(), involvement.toString());
        assertThat(entryIds(asAtNow)).containsExactly(concern.toString(), attendance.toString(),
                involvement.toString());

        Instant whileLinked = Instant.now();
        Answer unlinked = query.delete(path(hospital, "/links/" + school.journeyId()), mo);
        Answer afterUnlink = read(hospital, sarah);

        assertThat(unlinked.status()).as(unlinked.raw()).isEqualTo(204);
        assertThat(afterUnlink.status()).as("an unlink narrows access on the very next read").isEqualTo(403);
        assertThat(review(school).json().path("entries")).isEqualTo(schoolBefore);
        assertThat(review(hospital).json().path("entries")).isEqualTo(hospitalBefore);
        assertThat(review(school).json().has("linkedJourneys")).isFalse();
        assertThat(asAt(hospital, Instant.now()).json().path("entries")).as("replayed from the event store")
                .isEqualTo(hospitalBefore);
        assertThat(asAt(school, Instant.now()).json().path("entries")).isEqualTo(schoolBefore);
        assertThat(entryIds(asAt(hospital, whileLinked))).as("while they were linked")
                .hasSize(3);
    }

    @Test
    void onlyTheHubLinksKnownUnsealedJourneysOnceAndUnlinksOnlyALink() {
        String other = "{\"otherJourneyId\":\"" + hospital.journeyId() + "\",\"evidence\":\"Fictional evidence\"}";

        assertThat(query.post(path(school, "/links"), sarah, Map.of(), other).status()).isEqualTo(403);
        assertThat(link(school, new JourneyStories(eventStore, FictionalNhsNumbers.next()), mo).status())
                .as("a journey the record does not hold").isEqualTo(403);
        assertThat(query.post(path(school, "/links"), mo, Map.of(), "{\"otherJourneyId\":\"not-an-id\","
                + "\"evidence\":\"Fictional\"}").status()).isEqualTo(400);
        assertThat(query.post(path(school, "/links"), mo, Map.of(), "{\"otherJourneyId\":\""
                + hospital.journeyId() + "\"}").status()).as("evidence is required").isEqualTo(400);
        Answer itself = link(school, school, mo);
        assertThat(itself.status()).as("to itself").isEqualTo(409);
        assertThat(itself.json().path("detail").asText()).contains("to itself");
        assertThat(query.delete(path(school, "/links/" + hospital.journeyId()), mo).status())
                .as("no link to undo").isEqualTo(409);
        assertThat(link(school, hospital, ada).status()).isEqualTo(201);
        assertThat(link(hospital, school, mo).status()).as("linked already, from either side").isEqualTo(409);

        JourneyStories third = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        third.aeAttendance("2026-11-22T10:00:00Z");
        assertThat(query.post(path(third, "/seal"), ada, Map.of(), "{\"reason\":\"Adoption order made\"}").status())
                .isEqualTo(201);
        assertThat(link(school, third, mo).status()).as("a sealed journey is joined to nothing, and not named")
                .isEqualTo(403);
        assertThat(query.delete(path(school, "/links/" + hospital.journeyId()), sarah).status()).isEqualTo(403);
    }

    @Test
    void aSealOfAnyLinkedJourneySealsTheRecordAndAnUnlinkNeedsNoUnseal() {
        assertThat(link(school, hospital, mo).status()).isEqualTo(201);
        assertThat(read(hospital, sarah).status()).isEqualTo(200);

        assertThat(query.post(path(hospital, "/seal"), ada, Map.of(), "{\"reason\":\"Adoption order made\"}")
                .status()).isEqualTo(201);

        assertThat(read(school, sarah).status()).as("sealed with the journey linked to it").isEqualTo(403);
        assertThat(read(school, mo).status()).isEqualTo(403);
        assertThat(review(school).status()).as("auditors read a sealed record").isEqualTo(200);
        assertThat(query.delete(path(school, "/links/" + hospital.journeyId()), ada).status()).isEqualTo(204);
        assertThat(read(school, sarah).status()).as("unlinked: the school's journey alone, unsealed").isEqualTo(200);
        assertThat(entryIds(read(school, sarah))).containsExactly(concern.toString(), involvement.toString());
    }

    @Test
    void aChainOfLinksIsOneRecordAndUnlinkingTheMiddleSplitsIt() {
        JourneyStories third = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        EntryId missing = third.aeAttendance("2026-11-23T10:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> entryIds(review(third)).size() == 1);
        assertThat(link(school, hospital, mo).status()).isEqualTo(201);
        assertThat(link(hospital, third, mo).status()).isEqualTo(201);

        assertThat(entryIds(read(school, sarah))).containsExactlyInAnyOrder(concern.toString(),
                involvement.toString(), attendance.toString(), missing.toString());
        assertThat(link(third, school, mo).status()).as("one record already, through the hospital's journey")
                .isEqualTo(409);

        assertThat(query.delete(path(hospital, "/links/" + third.journeyId()), mo).status()).isEqualTo(204);
        assertThat(entryIds(read(school, sarah))).containsExactlyInAnyOrder(concern.toString(),
                involvement.toString(), attendance.toString());
        assertThat(read(third, sarah).status()).isEqualTo(403);
    }

    /** Emergency access to the hospital's journey reads social care's too: social care, the lead, is told. */
    @Test
    void breakingGlassOnALinkedJourneyTellsTheRecordsLead() {
        assertThat(link(school, hospital, mo).status()).isEqualTo(201);
        String paul = TOKENS.user("pc.paul", "police-east", "practitioner");

        Answer emergency = query.get(path(hospital, "/timeline"), paul, Map.of("X-Purpose", "emergency",
                "X-Justification", "Child found alone at night, checking for known risks"));

        assertThat(emergency.status()).as(emergency.raw()).isEqualTo(200);
        assertThat(entryIds(emergency)).hasSize(3);
        String csc = TOKENS.issue("journey", "service-account-csc-county", "csc-county", List.of("agency-system"),
                300);
        JsonNode notice = await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode item : query.get("/api/v1/inbox", csc, Map.of()).json().path("items")) {
                if (item.path("kind").asText().equals("break-glass-notice")
                        && item.path("journeyId").asText().equals(hospital.journeyId().toString())) {
                    return item;
                }
            }
            return null;
        }, found -> found != null);
        assertThat(notice.path("summary").asText()).contains("police-east");
    }

    @Test
    void theHubsDecisionThatTwoJourneysAreOneChildsLinksThem() {
        String taskId = school.possibleDuplicate(hospital);

        Answer decided = query.post(path(school, "/possible-duplicates/" + taskId), mo, Map.of(),
                "{\"decision\":\"same-child\",\"evidence\":\"The GP practice confirmed one child\"}");

        assertThat(decided.status()).as(decided.raw()).isEqualTo(201);
        Answer read = read(hospital, sarah);
        assertThat(read.status()).isEqualTo(200);
        assertThat(entryIds(read)).hasSize(3);
        assertThat(query.delete(path(hospital, "/links/" + school.journeyId()), mo).status()).isEqualTo(204);
    }

    private Answer link(JourneyStories journey, JourneyStories other, String token) {
        return query.post(path(journey, "/links"), token, Map.of(),
                "{\"otherJourneyId\":\"" + other.journeyId() + "\",\"evidence\":\"Fictional: same child, the GP "
                        + "practice confirmed\"}");
    }

    private Answer read(JourneyStories journey, String token) {
        return query.get(path(journey, "/timeline"), token, "child-in-need");
    }

    private Answer review(JourneyStories journey) {
        return query.get(path(journey, "/timeline"), ann, "case-review");
    }

    private Answer asAt(JourneyStories journey, Instant at) {
        return query.get(path(journey, "/timeline?asAt=" + at), ann, "case-review");
    }

    private static String path(JourneyStories journey, String rest) {
        return "/api/v1/journeys/" + journey.journeyId() + rest;
    }

    private static List<String> entryIds(Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().path("entries").forEach(entry -> ids.add(entry.path("entryId").asText()));
        return ids;
    }

    private static List<JsonNode> readsOf(JsonNode accesses, String viewer, String decision) {
        List<JsonNode> reads = new ArrayList<>();
        accesses.forEach(read -> {
            if (viewer.equals(read.path("viewer").asText()) && decision.equals(read.path("decision").asText())
                    && "timeline".equals(read.path("kind").asText())) {
                reads.add(read);
            }
        });
        return reads;
    }
}

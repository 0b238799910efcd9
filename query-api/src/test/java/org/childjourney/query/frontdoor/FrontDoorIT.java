package org.childjourney.query.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.Inboxes;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's Friday afternoon: the items awaiting a decision, oldest first, with what it needs to triage each; a
 * decision recorded from the worklist takes the item off it and tells the referrer the outcome.
 */
class FrontDoorIT extends QueryApiIT {

    private final String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    private QueryClient query;
    private JourneyStories story;

    @BeforeEach
    void aChildWithAnAttendanceAndTwoContacts() {
        query = new QueryClient(port);
        story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.HOSPITAL, "2026-11-01T09:00:00Z");
    }

    @Test
    void theHubSeesWhatAwaitsOldestFirstWithWhatItNeedsAndDecidesFromTheList() {
        EntryId first = story.contact(JourneyStories.SCHOOL, "2026-11-20T15:00:00Z");
        EntryId second = story.domesticAbuse("2026-11-21T22:00:00Z");

        List<JsonNode> listed = await().atMost(Duration.ofSeconds(30)).until(this::ours, found -> found.size() == 2);

        assertThat(listed).extracting(item -> item.path("entryId").asText())
                .containsExactly(first.toString(), second.toString());
        JsonNode later = listed.get(1);
        assertThat(later.path("type").asText()).isEqualTo("domestic-abuse-notification");
        assertThat(later.path("agency").asText()).isEqualTo("police-east");
        assertThat(Duration.parse(later.path("waiting").asText())).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(later.path("triage").path("priorItems").asInt()).isEqualTo(1);
        assertThat(later.path("triage").path("openInvolvements").toString())
                .isEqualTo("[{\"agency\":\"hospital-north\",\"kind\":\"health\"}]");
        assertThat(later.path("triage").path("childProtectionPlan").asBoolean()).isFalse();
        assertThat(later.has("summary")).as("the hub reads the timeline for that, recorded").isFalse();

        Answer decided = decide(first, "early-help", mo);

        assertThat(decided.status()).as(decided.raw()).isEqualTo(201);
        assertThat(decide(first, "referral", mo).status()).as("decided already: never again, which would hold"
                + " the hub's ground open").isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(this::ours, found -> found.size() == 1);
        JsonNode outcome = await().atMost(Duration.ofSeconds(30)).until(() -> outcomes("school-parkside"),
                found -> !found.isEmpty()).get(0);
        assertThat(outcome.path("summary").asText()).contains("early help").doesNotContain("Fictional hub rationale");
        JsonNode timeline = query.get("/api/v1/journeys/" + story.journeyId() + "/timeline", ann, "case-review")
                .json();
        assertThat(timeline.path("entries").findValuesAsText("entryId"))
                .contains(decided.json().path("entryId").asText());
    }

    @Test
    void everyListingIsARecordedReadOfTheJourneysItNamed() {
        story.contact(JourneyStories.SCHOOL, "2026-11-20T15:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(this::ours, found -> found.size() == 1);

        JsonNode accesses = await().atMost(Duration.ofSeconds(30)).until(() -> query.get("/api/v1/journeys/"
                + story.journeyId() + "/accesses", ann, "case-review").json().path("accesses"), found -> {
                    for (JsonNode read : found) {
                        if ("mash.mo".equals(read.path("viewer").asText())
                                && "mash-triage".equals(read.path("purpose").asText())) {
                            return true;
                        }
                    }
                    return false;
                });
        assertThat(accesses.toString()).contains("mash.mo");
    }

    /**
     * More items than a page of the listing, arriving over several tenths of a second (so kept in several of the
     * read store's pages): listed oldest first across both, and a decision or a retraction takes its item off
     * whichever page holds it.
     */
    @Test
    void aLongBacklogIsListedInArrivalOrderAcrossPagesAndEachDecisionTakesItsItemOff() throws InterruptedException {
        List<EntryId> arrived = new ArrayList<>();
        for (int item = 0; item < FindFrontDoor.PAGE + 10; item++) {
            arrived.add(item % 2 == 0 ? story.domesticAbuse("2026-11-21T22:00:00Z")
                    : story.contact(JourneyStories.SCHOOL, "2026-11-20T15:00:00Z"));
            if (item % 10 == 9) {
                Thread.sleep(120);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(this::ours, found -> found.size() == arrived.size());
        assertThat(ours()).extracting(item -> item.path("entryId").asText())
                .containsExactlyElementsOf(arrived.stream().map(EntryId::toString).toList());

        story.decided(arrived.get(3));
        story.retracted(JourneyStories.SCHOOL, arrived.get(FindFrontDoor.PAGE + 5));
        story.retracted(JourneyStories.SCHOOL, story.aeAttendance("2026-11-22T08:00:00Z"));

        List<String> left = new ArrayList<>(arrived.stream().map(EntryId::toString).toList());
        left.remove(FindFrontDoor.PAGE + 5);
        left.remove(3);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(this::ours, found -> found.size() == left.size()))
                .extracting(item -> item.path("entryId").asText()).containsExactlyElementsOf(left);
    }

    @Test
    void onlyTheHubListsAndDecidesAndOnlyOnAFrontDoorItem() {
        EntryId contact = story.contact(JourneyStories.SCHOOL, "2026-11-20T15:00:00Z");
        EntryId attendance = story.aeAttendance("2026-11-21T10:00:00Z");

        assertThat(query.get("/api/v1/front-door", sarah, Map.of()).status()).isEqualTo(403);
        assertThat(decide(contact, "advice", TOKENS.user("pc.pat", "police-east", "practitioner", "mash"))
                .status()).as("a hub member of the police: social care decides at the front door").isEqualTo(403);
        assertThat(decide(contact, "advice", sarah).status()).isEqualTo(403);
        assertThat(decide(attendance, "advice", mo).status()).as("not a front-door item").isEqualTo(409);
        assertThat(query.post("/api/v1/front-door/decisions", mo, Map.of("X-Purpose", "mash-triage"),
                body(UUID.randomUUID().toString(), contact.toString(), "advice")).status())
                .as("a journey the record does not hold").isEqualTo(403);
        assertThat(query.post("/api/v1/front-door/decisions", mo, Map.of("X-Purpose", "child-in-need"),
                body(story.journeyId().toString(), contact.toString(), "advice")).status()).isEqualTo(400);
        assertThat(query.post("/api/v1/front-door/decisions", mo, Map.of("X-Purpose", "mash-triage"),
                body(story.journeyId().toString(), contact.toString(), "maybe")).status()).isEqualTo(400);
        assertThat(query.get("/api/v1/front-door?page=-1", mo, Map.of()).status()).isEqualTo(400);
    }

    private Answer decide(EntryId item, String decision, String token) {
        return query.post("/api/v1/front-door/decisions", token, Map.of("X-Purpose", "mash-triage"),
                body(story.journeyId().toString(), item.toString(), decision));
    }

    private static String body(String journeyId, String entryId, String decision) {
        return "{\"journeyId\":\"" + journeyId + "\",\"entryId\":\"" + entryId + "\",\"decision\":\"" + decision
                + "\",\"rationale\":\"Fictional hub rationale\"}";
    }

    /** This test's child's items on the worklist, every page read. */
    private List<JsonNode> ours() {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = query.get("/api/v1/front-door?page=" + page, mo, Map.of()).json();
            answer.path("items").forEach(item -> {
                if (item.path("journeyId").asText().equals(story.journeyId().toString())) {
                    found.add(item);
                }
            });
            if (!answer.has("next")) {
                return found;
            }
        }
    }

    private List<JsonNode> outcomes(String agency) {
        return new Inboxes(query, TOKENS).items(agency, story.journeyId(), "referral-outcome");
    }
}

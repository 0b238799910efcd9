package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No read-model document grows without bound: with pages of three items, a timeline, a journey's access log and an
 * agency's inbox each cross many pages, and every read still answers with every item once, in order; no document
 * holds more than a page. The timeline keeps history across pages: a correction and a retraction of entries on its
 * first page leave the practitioner the current state and show the auditor the original, each amendment and who
 * read the entry before it was corrected.
 */
class PagedReadModelsIT extends QueryApiIT {

    private static final int PAGE = 3;

    @Autowired
    MongoDatabase readModels;
    @Autowired
    CommandGateway commands;

    private QueryClient query;
    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    @DynamicPropertySource
    static void smallPages(DynamicPropertyRegistry registry) {
        registry.add("childjourney.query.read-model-page-size", () -> Integer.toString(PAGE));
        registry.add("childjourney.query.inbox-page-size", () -> Integer.toString(PAGE));
    }

    @BeforeEach
    void client() {
        query = new QueryClient(port);
    }

    @Test
    void aLongTimelineShowsTheCurrentStateToThePractitionerAndItsHistoryToTheAuditor() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        List<EntryId> concerns = new ArrayList<>();
        for (int day = 10; day < 24; day++) {
            concerns.add(story.schoolConcern("2026-11-" + day + "T09:00:00Z", ConsentStatus.GIVEN));
        }
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path, sarah, "child-in-need").json(),
                read -> read.path("entries").size() == 15);
        EntryId corrected = concerns.get(0);
        EntryId retracted = concerns.get(1);
        story.corrected(JourneyStories.SCHOOL, corrected,
                "{\"category\":\"emotional-abuse\",\"description\":\"Corrected\",\"actionTaken\":\"Spoke to DSL\"}");
        story.retracted(JourneyStories.SCHOOL, retracted);
        // The reads before the correction come from the access log, which follows the store like the timeline.
        JsonNode review = await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path, ann, "case-review")
                .json(), read -> entry(read, retracted) != null
                && "retracted".equals(entry(read, retracted).path("status").asText())
                && entry(read, corrected).path("history").path("readBeforeCorrection").size() > 0);

        JsonNode practitioners = query.get(path, sarah, "child-in-need").json();

        assertThat(ids(practitioners)).hasSize(14).doesNotContain(retracted.toString());
        assertThat(ids(practitioners)).as("in the order they happened").containsSubsequence(
                concerns.get(0).toString(), concerns.get(2).toString(), concerns.get(13).toString());
        JsonNode current = entry(practitioners, corrected);
        assertThat(current.path("status").asText()).isEqualTo("corrected");
        assertThat(current.path("details").path("category").asText()).isEqualTo("emotional-abuse");
        assertThat(current.has("history")).as("history is for reviews").isFalse();

        assertThat(ids(review)).hasSize(15);
        JsonNode history = entry(review, corrected).path("history");
        assertThat(history.path("original").path("category").asText()).isEqualTo("neglect");
        assertThat(history.path("amendments").get(0).path("kind").asText()).isEqualTo("corrected");
        assertThat(history.path("amendments").get(0).path("agency").asText()).isEqualTo("school-parkside");
        assertThat(history.path("amendments").get(0).path("details").path("description").asText())
                .isEqualTo("Corrected");
        assertThat(history.path("readBeforeCorrection").findValuesAsText("viewer")).contains("sw.sarah");
        assertThat(entry(review, retracted).path("history").path("amendments").get(0).path("kind").asText())
                .isEqualTo("retracted");
        assertWithinPages("timelines", "timeline_pages", story.journeyId().toString(), 17);
    }

    @Test
    void aJourneyReadManyTimesListsEachReadOnce() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        String path = "/api/v1/journeys/" + story.journeyId();
        for (int read = 0; read < 10; read++) {
            assertThat(query.get(path + "/timeline", sarah, "child-in-need").status()).isEqualTo(200);
        }

        JsonNode log = await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path + "/accesses", ann,
                "case-review").json(), read -> viewers(read, "sw.sarah") >= 10);

        assertThat(viewers(log, "sw.sarah")).isEqualTo(10);
        assertWithinPages("access_log", "access_log_pages", story.journeyId().toString(), 10);
    }

    @Test
    void anInboxAnswersAPageAtATimeAndPassesOverAcknowledgedPages() {
        AgencyCode agency = AgencyCode.of("school-riverside");
        String system = TOKENS.issue("journey", "service-account-" + agency, agency.value(),
                List.of("agency-system"), 300);
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.aeAttendance("2026-11-01T09:00:00Z");
        List<String> notices = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            String noticeId = UUID.randomUUID().toString();
            notices.add(noticeId);
            commands.sendAndWait(new RaiseNotice(story.journeyId(), noticeId, agency, NoticeKind.ACCESS_NOTICE,
                    List.of(), "Fictional notice " + n, null));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> allItems(system, ""), notices::equals);

        for (String acknowledged : notices.subList(0, 4)) {
            assertThat(query.post("/api/v1/inbox/" + acknowledged + "/ack", system, Map.of(), "").status())
                    .isEqualTo(204);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> allItems(system, "unacknowledged=true&"),
                notices.subList(4, 10)::equals);
        assertThat(query.get("/api/v1/inbox?unacknowledged=true", system, Map.of()).json().path("items")
                .findValuesAsText("itemId")).as("the oldest page with an unacknowledged item")
                .containsExactly(notices.get(4), notices.get(5));
        assertThat(query.get("/api/v1/inbox?page=-1", system, Map.of()).status()).isEqualTo(400);
        assertWithinPages("inbox", "inbox_pages", agency.value(), 10);
    }

    /** Every item id, following {@code next} from the first page. */
    private List<String> allItems(String system, String filter) {
        List<String> items = new ArrayList<>();
        String page = "0";
        while (page != null) {
            JsonNode answer = query.get("/api/v1/inbox?" + filter + "page=" + page, system, Map.of()).json();
            items.addAll(answer.path("items").findValuesAsText("itemId"));
            page = answer.path("next").isTextual() ? answer.path("next").asText() : null;
        }
        return items;
    }

    /** The list of {@code items} items under the head is kept in pages of at most {@value #PAGE}. */
    private void assertWithinPages(String heads, String pages, String headId, int items) {
        Document head = readModels.getCollection(heads).find(eq("_id", headId)).first();
        assertThat(head).isNotNull();
        int full = PagedItems.pagesOf(head);
        assertThat(full).isGreaterThanOrEqualTo((items - 1) / PAGE);
        assertThat(PagedItems.open(head)).hasSizeLessThanOrEqualTo(PAGE);
        for (int n = 0; n < full; n++) {
            assertThat(PagedItems.page(head, readModels.getCollection(pages), n)).hasSize(PAGE);
        }
        long revision = head.get("_rev", Number.class).longValue();
        assertThat(head.getList("sealed", Document.class, List.of()))
                .as("the full pages the head still holds are those the last batch that wrote it sealed")
                .allSatisfy(page -> assertThat(page.get("from", Number.class).longValue()).isEqualTo(revision - 1));
    }

    private static List<String> ids(JsonNode timeline) {
        List<String> ids = new ArrayList<>();
        timeline.path("entries").forEach(entry -> ids.add(entry.path("entryId").asText()));
        return ids;
    }

    private static JsonNode entry(JsonNode timeline, EntryId entryId) {
        for (JsonNode entry : timeline.path("entries")) {
            if (entry.path("entryId").asText().equals(entryId.toString())) {
                return entry;
            }
        }
        return null;
    }

    private static long viewers(JsonNode log, String viewer) {
        return log.path("accesses").findValuesAsText("viewer").stream().filter(viewer::equals).count();
    }
}

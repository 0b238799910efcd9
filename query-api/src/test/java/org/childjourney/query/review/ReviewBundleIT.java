package org.childjourney.query.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AuditTrailRead;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET …/review-bundle}: everything a review needs of one child's record, in one place, for auditors only, and
 * fetching it is recorded. The story: a school concern the lead read, then the school corrected; a decision not to
 * share; a refused read; emergency access by a service with no ground, reviewed by an auditor.
 */
class ReviewBundleIT extends QueryApiIT {

    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    private final String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    private final String meg = TOKENS.user("mhp.meg", "adult-mh-county", "practitioner");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    @Autowired
    private JdbcClient jdbc;

    private QueryClient query;
    private JourneyStories story;
    private EntryId concern;
    private EntryId involvement;

    @BeforeEach
    void aReviewedStory() {
        query = new QueryClient(port);
        story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        involvement = story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        concern = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                query.get(timeline(), sarah, "child-in-need").json().path("entries")).hasSize(2));
        story.corrected(JourneyStories.SCHOOL, concern,
                "{\"category\":\"emotional-abuse\",\"description\":\"Corrected\",\"actionTaken\":\"Spoke to DSL\"}");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(query.get(timeline(), sarah,
                "child-in-need").json().path("entries").findValuesAsText("status")).contains("corrected"));
        assertThat(query.post(path("/non-disclosures"), sarah, Map.of("X-Purpose", "child-in-need"),
                "{\"toAgency\":\"school-riverside\",\"entryIds\":[\"" + involvement + "\"],"
                        + "\"reason\":\"Fictional: the family asked us not to\"}").status()).isEqualTo(201);
        assertThat(query.get(timeline(), tom, "child-in-need").status()).isEqualTo(403);
        assertThat(query.get(timeline(), meg, Map.of("X-Purpose", "emergency", "X-Justification",
                "Fictional: the parent is in crisis at A&E now")).status()).isEqualTo(200);
        String grant = await().atMost(Duration.ofSeconds(15)).until(this::grantOnTheJourney, Objects::nonNull);
        assertThat(query.post("/api/v1/audit/break-glass/" + grant + "/review", ann, Map.of(),
                "{\"outcome\":\"justified\",\"note\":\"Fictional: the crisis is on the record\"}").status())
                .isEqualTo(201);
    }

    @Test
    void anAuditorGetsTheWholeStoryInOnePlace() {
        // The access log and the review queue follow the store: wait for the reads of the story, not the bundle's own.
        JsonNode bundle = await().atMost(Duration.ofSeconds(15)).until(() -> bundle(""),
                found -> found.path("breakGlass").path(0).has("review") && found.path("nonDisclosures").size() == 1
                        && found.path("disclosures").findValuesAsText("viewer")
                                .containsAll(List.of("sw.sarah", "teacher.tom", "mhp.meg")));

        assertThat(bundle.path("generatedBy").asText()).isEqualTo("auditor.ann");
        JsonNode chronology = bundle.path("chronology");
        assertThat(chronology).extracting(entry -> entry.path("entryId").asText())
                .containsExactly(involvement.toString(), concern.toString());
        JsonNode corrected = chronology.get(1);
        assertThat(corrected.path("recordedAt").asText()).isNotBlank();
        assertThat(corrected.path("status").asText()).isEqualTo("corrected");
        assertThat(corrected.path("history").path("original").path("category").asText()).isEqualTo("neglect");
        assertThat(corrected.path("history").path("amendments").path(0).path("kind").asText()).isEqualTo("corrected");
        assertThat(corrected.path("history").path("readBeforeCorrection").findValuesAsText("viewer"))
                .contains("sw.sarah");

        assertThat(bundle.path("seenByAgency").findValuesAsText("agency"))
                .containsExactly("adult-mh-county", "csc-county");
        JsonNode csc = bundle.path("seenByAgency").path(1);
        assertThat(csc.path("reads").asInt()).isPositive();
        assertThat(csc.path("entriesShown")).extracting(JsonNode::asText)
                .contains(involvement.toString(), concern.toString());
        assertThat(bundle.path("disclosures").findValuesAsText("decision")).contains("permitted", "refused");
        assertThat(bundle.path("disclosures").findValuesAsText("viewer")).contains("sw.sarah", "teacher.tom",
                "mhp.meg");
        assertThat(bundle.path("nonDisclosures").path(0).path("toAgency").asText()).isEqualTo("school-riverside");
        assertThat(bundle.path("breakGlass")).hasSize(1);
        assertThat(bundle.path("breakGlass").path(0).path("journeyId").asText())
                .isEqualTo(story.journeyId().toString());
        assertThat(bundle.path("breakGlass").path(0).path("reader").asText()).isEqualTo("mhp.meg");
        assertThat(bundle.path("breakGlass").path(0).path("review").path("outcome").asText())
                .isEqualTo("justified");
    }

    @Test
    void fetchingTheBundleIsRecorded() {
        long disclosed = recorded(JourneyDisclosed.class);
        long listed = recorded(AuditTrailRead.class);

        assertThat(query.get(path("/review-bundle"), ann, "case-review").status()).isEqualTo(200);

        // The timeline and the access log it is made of, each a case-review read, and the listing of its grants.
        assertThat(recorded(JourneyDisclosed.class)).isEqualTo(disclosed + 2);
        assertThat(recorded(AuditTrailRead.class)).isEqualTo(listed + 1);
    }

    @Test
    void jsonUnlessHtmlOrPdfIsAsked() {
        assertThat(query.get(path("/review-bundle"), ann, Map.of("X-Purpose", "case-review", "Accept", "*/*"))
                .contentType()).startsWith("application/json");
        assertThat(query.get(path("/review-bundle"), ann, "case-review").contentType())
                .startsWith("application/json");
        long before = recorded(JourneyDisclosed.class);
        assertThat(query.get(path("/review-bundle"), ann, Map.of("X-Purpose", "case-review", "Accept",
                "text/plain")).status()).isEqualTo(406);
        assertThat(recorded(JourneyDisclosed.class)).as("nothing read for an answer that cannot be given")
                .isEqualTo(before);
    }

    @Test
    void aPeriodKeepsWhatHappenedInIt() {
        JsonNode bundle = bundle("?from=2026-11-10&to=2026-11-30");

        assertThat(bundle.path("chronology")).extracting(entry -> entry.path("entryId").asText())
                .containsExactly(concern.toString());
        assertThat(bundle.path("from").asText()).isEqualTo("2026-11-10T00:00:00Z");
        assertThat(bundle.path("disclosures")).isEmpty();
        assertThat(query.get(path("/review-bundle?from=yesterday"), ann, "case-review").status()).isEqualTo(400);
        assertThat(query.get(path("/review-bundle?from=2026-11-30&to=2026-11-10"), ann, "case-review").status())
                .isEqualTo(400);
    }

    @Test
    void thePrintedChronologyIsTheSameBundleInHtml() {
        Answer printed = query.get(path("/review-bundle"), ann, Map.of("X-Purpose", "case-review",
                "Accept", "text/html"));

        assertThat(printed.status()).isEqualTo(200);
        assertThat(printed.contentType()).startsWith("text/html");
        assertThat(printed.raw()).contains("Review bundle: the chronology and who saw what", "1. Chronology",
                "School concern", "First recorded as: Category: neglect", "Entry corrected",
                "Shown before its first correction to sw.sarah (csc-county)", "5. Emergency access and its reviews",
                "mhp.meg (adult-mh-county)");
    }

    @Test
    void theBundleIsAPdfToo() throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path("/review-bundle"))).header("Authorization", "Bearer " + ann)
                .header("X-Purpose", "case-review").header("Accept", "application/pdf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Review bundle: the chronology and who saw what", "1. Chronology",
                    "School concern", "First recorded as: Category: neglect", "mhp.meg (adult-mh-county)");
            assertThat(text).containsPattern("Page 1 of \\d");
        }
    }

    @Test
    void onlyAnAuditorForACaseReviewGetsIt() {
        assertThat(query.get(path("/review-bundle"), sarah, "case-review").status()).isEqualTo(403);
        assertThat(query.get(path("/review-bundle"), sarah, "child-in-need").status()).isEqualTo(400);
        assertThat(query.get("/api/v1/journeys/" + UUID.randomUUID() + "/review-bundle", ann,
                "case-review").status()).isEqualTo(403);
    }

    private JsonNode bundle(String period) {
        Answer answer = query.get(path("/review-bundle" + period), ann, "case-review");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.json();
    }

    /** The break-glass grant on this story's journey, once the review queue holds it. */
    private @Nullable String grantOnTheJourney() {
        for (JsonNode grant : query.get("/api/v1/audit/break-glass", ann, (String) null).json().path("items")) {
            if (grant.path("journeyId").asText().equals(story.journeyId().toString())) {
                return grant.path("grantId").asText();
            }
        }
        return null;
    }

    /** Records of this type in the store: what a read left behind, counted without reading again. */
    private long recorded(Class<?> type) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ?").param(type.getName())
                .query(Long.class).single();
    }

    private String timeline() {
        return path("/timeline");
    }

    private String path(String rest) {
        return "/api/v1/journeys/" + story.journeyId() + rest;
    }
}

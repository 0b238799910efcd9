package org.childjourney.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.AuditTrailRead;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneysSearched;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages over real HTTP, signed in through the authorization code flow of a mock journey realm: a search is a
 * post and the journey's URL holds no identifier; a form without its CSRF token, or with bad input, changes nothing
 * and is answered with a page; a purpose stated by one practitioner is never another's; a refusal page is the same
 * for a known and an unknown child. The pages in a real browser, against the real Keycloak: infra's
 * {@code WebPagesIT}.
 */
class PagesIT extends QueryApiIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    private JdbcClient jdbc;

    private JourneyStories story;
    private String nhsNumber;

    @BeforeEach
    void aChildKnownToSocialCare() {
        nhsNumber = FictionalNhsNumbers.next();
        story = new JourneyStories(eventStore, nhsNumber);
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(new QueryClient(port)
                .get("/api/v1/journeys/" + story.journeyId() + "/timeline", sarah, "child-in-need").json()
                .path("entries")).hasSize(2));
    }

    @Test
    void aPractitionerFindsTheChildByAPostAndReadsTheJourneyAtAUrlWithoutTheIdentifier() throws Exception {
        Browser sarah = signedIn("sw.sarah", "csc-county", "practitioner");
        long before = readsRecorded();

        Page journey = sarah.submit("/find", Map.of("purpose", "child-in-need", "nhsNumber", nhsNumber));

        assertThat(journey.status()).isEqualTo(200);
        assertThat(journey.url()).endsWith("/journeys/" + story.journeyId()).doesNotContain(nhsNumber);
        assertThat(journey.body()).contains("Showing 2 of 2 entries", "Child in need (section 17)",
                "your agency leads the child", "School concern", "Involvement started");
        // The search and the read are each recorded, as the API's are.
        assertThat(readsRecorded()).isEqualTo(before + 2);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Browser sarah = signedIn("sw.sarah", "csc-county", "practitioner");
        long before = everythingRecorded();

        Page forged = sarah.post("/find", Map.of("purpose", "child-in-need", "nhsNumber", nhsNumber));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(everythingRecorded()).isEqualTo(before);
    }

    @Test
    void badInputIsAPageThatSaysWhatIsWrongAndRecordsNothing() throws Exception {
        Browser sarah = signedIn("sw.sarah", "csc-county", "practitioner");
        Page invalid = sarah.submit("/find", Map.of("purpose", "child-in-need", "nhsNumber", "9990000019"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("There is a problem", "must be a valid NHS number", "9990000019");

        sarah.submit("/find", Map.of("purpose", "child-in-need", "nhsNumber", nhsNumber));
        Browser mo = signedIn("mash.mo", "csc-county", "practitioner", "mash");
        long before = everythingRecorded();
        Page badFilter = sarah.get("/journeys/" + story.journeyId() + "?from=not-a-date");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.contentType()).startsWith("text/html");
        assertThat(badFilter.body()).contains("must be a date");
        assertThat(everythingRecorded()).as("no read recorded for a filter refused").isEqualTo(before);

        assertThat(mo.get("/hub?page=abc")).satisfies(page -> {
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
        });
        assertThat(mo.submit("/hub/decisions", Map.of("journeyId", story.journeyId().toString(), "entryId",
                "not-an-entry", "decision", "referral", "rationale", "Fictional rationale")).status())
                .isEqualTo(400);
        assertThat(everythingRecorded()).isEqualTo(before);
    }

    @Test
    void aPurposeStatedByOnePractitionerIsNeverAnothers() throws Exception {
        Browser browser = signedIn("sw.sarah", "csc-county", "practitioner");
        assertThat(browser.submit("/find", Map.of("purpose", "child-in-need", "nhsNumber", nhsNumber)).status())
                .isEqualTo(200);

        // Another practitioner signs in in the same browser session: the journey is not open to them on her word.
        TOKENS.signInNext("dsl.dan", "school-parkside", "practitioner");
        browser.get("/oauth2/authorization/keycloak");
        Page journey = browser.get("/journeys/" + story.journeyId());

        assertThat(journey.url()).endsWith("/find");
    }

    @Test
    void theRefusalPageIsTheSameForAKnownAndAnUnknownChild() throws Exception {
        Browser tom = signedIn("teacher.tom", "school-riverside", "practitioner");

        Page known = tom.submit("/find", Map.of("purpose", "child-in-need", "nhsNumber", nhsNumber));
        Page unknown = tom.submit("/find", Map.of("purpose", "child-in-need", "nhsNumber",
                FictionalNhsNumbers.next()));

        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(403);
        assertThat(known.body()).contains("You cannot see a record for this search");
        assertThat(withoutCsrfTokens(known.body())).isEqualTo(withoutCsrfTokens(unknown.body()));
    }

    private Browser signedIn(String username, String agency, String... roles) throws Exception {
        TOKENS.signInNext(username, agency, roles);
        Browser browser = new Browser("http://localhost:" + port);
        Page start = browser.get("/");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("You are signed in as", username);
        return browser;
    }

    /** The reads recorded in the store: disclosures, refusals, searches and listings. */
    private long readsRecorded() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType IN (?, ?, ?, ?)")
                .params(JourneyDisclosed.class.getName(), AccessRefused.class.getName(),
                        JourneysSearched.class.getName(), AuditTrailRead.class.getName()).query(Long.class).single();
    }

    /**
     * Everything the store holds but the notices the feedback loops raise on their own, which may arrive at any
     * moment after the story's entries.
     */
    private long everythingRecorded() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType <> ?")
                .param(AgencyNotified.class.getName()).query(Long.class).single();
    }

    private static String withoutCsrfTokens(String body) {
        return CSRF.matcher(body).replaceAll("name=\"_csrf\"");
    }

    /** A page as the browser ended on it, after following redirects. */
    record Page(int status, String url, String contentType, String body) {
    }

    /** A browser without a screen: cookies kept, redirects followed, forms posted with the page's CSRF token. */
    static final class Browser {

        private final String base;
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(String base) {
            this.base = base;
        }

        Page get(String path) throws IOException, InterruptedException {
            return follow(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        /** Posts the form as the page that holds it would: with the CSRF token of a page of the session. */
        Page submit(String path, Map<String, String> form) throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(get("/find").body());
            assertThat(token.find()).as("a CSRF token on the find page").isTrue();
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.put("_csrf", token.group(1));
            return post(path, withToken);
        }

        Page post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return follow(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private Page follow(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = client.send(HttpRequest.newBuilder(next).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            return new Page(response.statusCode(), response.uri().toString(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}

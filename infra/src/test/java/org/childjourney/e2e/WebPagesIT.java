package org.childjourney.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium, signing in on Keycloak's real login
 * page through the whole local system ({@code infra/bin/up}) loaded with the fictional demo data
 * ({@code infra/bin/demo-data}). Each page is checked by axe-core for serious violations and walked with the
 * keyboard alone. The screenshots in {@code docs/screenshots} are taken here ({@code -Dscreenshots=docs/screenshots};
 * by default they go under {@code infra/target/screenshots}).
 */
class WebPagesIT {

    /** The port the demo realm's {@code journey-web} client accepts sign-ins for, besides the default 8082. */
    private static final String PAGES_PORT = "18082";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String DEMO_CHILD = "9990000026";
    private static final String UNKNOWN_CHILD = "9990000042";

    private static final Http HTTP = new Http();
    private static LocalStack stack;
    private static String axe;
    private WebDriver browser;

    @BeforeAll
    static void bringUpTheSystemWithItsDemoData() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium: install Debian's chromium and chromium-driver (.ci/run does)");
        Path axeScript = Path.of(System.getProperty("childjourney.root", ".."),
                "infra/browser/node_modules/axe-core/axe.min.js");
        Assumptions.assumeTrue(Files.isReadable(axeScript),
                "no axe-core: npm ci --prefix infra/browser (.ci/run does)");
        axe = Files.readString(axeScript);
        stack = new LocalStack(Path.of(System.getProperty("childjourney.work", "target/e2e"),
                "web-" + UUID.randomUUID().toString().substring(0, 8)), Map.of("QUERY_PORT", PAGES_PORT));
        stack.script("demo-data");
        // The read models follow the store within moments of the demo data's 201s: every test starts once the demo
        // child's whole journey is readable, so that a refusal is never a lagging read model's.
        String sarah = HTTP.userToken(stack.tokenUrl(), "sw.sarah", "sarah-pw");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Answer found = HTTP.post(stack.queryApi() + "/api/v1/journeys:search", sarah,
                    "{\"nhsNumber\":\"" + DEMO_CHILD + "\"}", "child-in-need");
            assertThat(found.json().path("journeys")).hasSize(1);
            Http.Answer timeline = HTTP.get(stack.queryApi() + "/api/v1/journeys/"
                    + found.json().path("journeys").get(0).path("journeyId").asText() + "/timeline", sarah,
                    "child-in-need");
            assertThat(timeline.json().path("entries")).hasSize(9);
        });
    }

    @AfterAll
    static void bringItDown() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openABrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1024");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeIt() {
        browser.quit();
    }

    @Test
    void theAllocatedSocialWorkerSignsInFindsTheDemoChildAndReadsTheEntriesInOrder() throws Exception {
        signIn("sw.sarah", "sarah-pw");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Child’s journey record");
        // The Design System's script and the pages' own style load (the type face is Arial, not GOV.UK's).
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("class"))
                .contains("govuk-frontend-supported");
        assertThat(browser.findElement(By.tagName("h1")).getCssValue("font-family")).startsWith("arial");
        accessible("start");

        navigateBy(By.linkText("Find a child"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Find a child");
        accessible("find");
        everyControlReachedByKeyboard();

        find("child-in-need", DEMO_CHILD);
        assertThat(browser.getCurrentUrl()).doesNotContain(DEMO_CHILD).contains("/journeys/");
        assertThat(entries()).extracting(entry -> entry.findElement(By.cssSelector("h3 span")).getText())
                .containsExactly("Domestic abuse notification", "A&E attendance", "School concern", "Contact",
                        "Involvement started", "Team member added", "Involvement started", "A&E attendance",
                        "Domestic abuse notification");
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText)
                .contains("September 2026", "October 2026", "November 2026", "Who is involved");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Child in need (section 17)", "your agency leads the child's case",
                "Corrected", "allocated social worker", "team around the family (team around the child)",
                "designated safeguarding lead");
        accessible("journey");
        everyControlReachedByKeyboard();
        openByKeyboard("Record a decision not to share");
        everyControlReachedByKeyboard();

        new Select(browser.findElement(By.id("non-disclosures-agency"))).selectByValue("school-riverside");
        browser.findElement(By.cssSelector("#sharing input[type=checkbox]")).click();
        browser.findElement(By.id("non-disclosures-reason")).sendKeys("Police are still investigating the incident");
        navigateBy(By.xpath("//button[text()='Record the decision']"));
        assertThat(browser.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Your decision not to share with school-riverside is recorded.");

        new Select(browser.findElement(By.id("agency"))).selectByValue("hospital-north");
        navigateBy(By.xpath("//button[text()='Show']"));
        assertThat(entries()).hasSize(2).allSatisfy(entry -> assertThat(entry.getText()).contains("hospital-north"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Showing 2 of 9 entries");

        signOut();
    }

    @Test
    void aTeacherWithNoGroundGetsOneRefusalPageWhetherOrNotTheChildIsKnown() throws Exception {
        signIn("teacher.tom", "tom-pw");
        find("child-in-need", DEMO_CHILD);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("You cannot see a record for this search");
        String known = browser.getTitle() + browser.getCurrentUrl()
                + browser.findElement(By.tagName("main")).getDomProperty("innerHTML");
        accessible("refused");
        everyControlReachedByKeyboard();

        find("child-in-need", UNKNOWN_CHILD);
        assertThat(browser.getTitle() + browser.getCurrentUrl()
                + browser.findElement(By.tagName("main")).getDomProperty("innerHTML")).isEqualTo(known);
        signOut();
    }

    @Test
    void theHubTriagesFromItsWorklistAndTheAuditorReviewsWhatWasSeen() throws Exception {
        signIn("mash.mo", "mo-pw");
        browser.get(stack.queryApi() + "/hub");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The front door");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Contact from csc-county");
        accessible("hub");
        everyControlReachedByKeyboard();
        openByKeyboard("Decide");
        everyControlReachedByKeyboard();
        navigateBy(By.xpath("//button[text()='Read the journey for triage']"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Triage in the safeguarding hub",
                "the hub is deciding on an item");
        assertThat(browser.findElements(By.xpath("//summary[normalize-space()='Release entries to an agency']")))
                .hasSize(1);
        String journey = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        signOut();

        signIn("auditor.ann", "ann-pw");
        browser.get(stack.queryApi() + "/audit/disclosures");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The disclosure log");
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("sw.sarah", "mash.mo");
        accessible("audit-disclosures");
        everyControlReachedByKeyboard();

        browser.get(stack.queryApi() + "/audit");
        browser.findElement(By.id("journeyId")).sendKeys(journey);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('day').value = arguments[0];",
                LocalDate.now(ZoneId.of("Europe/London")).toString());
        browser.findElement(By.id("viewer")).sendKeys("sw.sarah");
        navigateBy(By.xpath("//button[text()='Show']"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("sw.sarah’s reads by then");
        assertThat(entries()).hasSize(9);
        accessible("audit-as-at");

        browser.get(stack.queryApi() + "/audit");
        browser.findElement(By.id("bundle-journeyId")).sendKeys(journey);
        navigateBy(By.xpath("//button[text()='Prepare the bundle']"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Review bundle: the chronology and who saw what");
        assertThat(entries()).hasSize(9);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("First recorded as:",
                "Entry corrected", "2. What each agency was shown", "mash.mo (csc-county)");
        accessible("review-bundle");
        everyControlReachedByKeyboard();
        signOut();

        // The same bundle as a PDF, through the API: kept beside the screenshots.
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                stack.queryApi() + "/api/v1/journeys/" + journey + "/review-bundle"))
                .header("Authorization", "Bearer " + HTTP.userToken(stack.tokenUrl(), "auditor.ann", "ann-pw"))
                .header("X-Purpose", "case-review").header("Accept", "application/pdf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.write(screenshots().resolve("review-bundle.pdf"), pdf.body());
    }

    @Test
    void anEmergencyReadIsFlaggedAndTheAuditorReviewsIt() throws Exception {
        // A mental health practitioner whose service has recorded nothing about the child: only emergency access.
        signIn("mhp.meg", "meg-pw");
        browser.get(stack.queryApi() + "/find");
        browser.findElement(By.cssSelector("input[name=purpose][value=emergency]")).click();
        browser.findElement(By.id("justification")).sendKeys("Fictional: the child's parent is in crisis at A&E now");
        browser.findElement(By.id("nhsNumber")).sendKeys(DEMO_CHILD);
        navigateBy(By.xpath("//button[text()='Find']"));
        assertThat(browser.findElement(By.className("govuk-warning-text")).getText())
                .contains("Emergency access: for four hours");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("emergency access, flagged for review");
        signOut();

        signIn("auditor.ann", "ann-pw");
        // The review queue follows the store within moments.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.get(stack.queryApi() + "/audit/break-glass");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("mhp.meg (adult-mh-county)");
        });
        accessible("audit-break-glass");
        everyControlReachedByKeyboard();
        browser.findElement(By.cssSelector("input[name=outcome][value=justified]")).click();
        browser.findElement(By.cssSelector("textarea[name=note]")).sendKeys("The crisis was recorded at A&E that night");
        navigateBy(By.xpath("//button[text()='Record the review']"));
        assertThat(browser.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Your review is recorded.");
        signOut();
    }

    /** Signs out of the pages and of Keycloak: the next visit asks Keycloak's login page again. */
    private void signOut() {
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        // Through Keycloak's end of the session and back.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "You have signed out"));
        browser.get(stack.queryApi() + "/");
        assertThat(browser.findElements(By.id("kc-login"))).hasSize(1);
    }

    private void signIn(String username, String password) {
        browser.get(stack.queryApi() + "/");
        // Keycloak's own login page, reached by the authorization code flow with PKCE.
        assertThat(browser.getCurrentUrl()).startsWith(stack.keycloak() + "/realms/journey/")
                .contains("code_challenge_method=S256");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        navigateBy(By.id("kc-login"));
        assertThat(browser.getCurrentUrl()).startsWith(stack.queryApi());
    }

    private void find(String purpose, String nhsNumber) {
        browser.get(stack.queryApi() + "/find");
        browser.findElement(By.cssSelector("input[name=purpose][value=" + purpose + "]")).click();
        browser.findElement(By.id("nhsNumber")).sendKeys(nhsNumber);
        navigateBy(By.xpath("//button[text()='Find']"));
    }

    /** Clicks a link or a form's button and waits for the page it leads to, so that no read sees the old one. */
    private void navigateBy(By control) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(control).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    /** Opens the first disclosure with this summary as a keyboard user would: Enter on its summary. */
    private void openByKeyboard(String summary) {
        WebElement disclosure = browser.findElement(By.xpath("//summary[normalize-space()='" + summary + "']"));
        disclosure.sendKeys(Keys.ENTER);
        assertThat(disclosure.findElement(By.xpath("..")).getDomAttribute("open")).isNotNull();
    }

    private List<WebElement> entries() {
        return browser.findElements(By.cssSelector("article.journey-entry"));
    }

    /** axe-core finds no serious or critical violation on the page; then its screenshot goes to the docs. */
    @SuppressWarnings("unchecked")
    private void accessible(String name) throws Exception {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) script.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document).then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact,"
                        + " nodes: v.nodes.map(n => n.target.join(' '))}))));");
        assertThat(violations).as("axe-core on the %s page", name)
                .filteredOn(violation -> Set.of("serious", "critical").contains(violation.get("impact")))
                .isEmpty();
        // Duplicate ids break labels and skip links; axe-core no longer checks them by default.
        assertThat((List<String>) script.executeScript("const ids = [...document.querySelectorAll('[id]')]"
                + ".map(e => e.id); return ids.filter((id, i) => ids.indexOf(id) !== i);"))
                .as("ids used twice on the %s page", name).isEmpty();
        screenshot(name);
    }

    private void screenshot(String name) throws Exception {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 4000)));
        Path shots = screenshots();
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1024));
    }

    /** Under target/ unless asked for the docs' ({@code -Dscreenshots=docs/screenshots}, from the repository's root). */
    private static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("childjourney.root", ".."))
                .resolve(System.getProperty("screenshots", "infra/target/screenshots")));
    }

    /**
     * Tab from the top of the page to its end: every visible link, button and field is reached by the keyboard
     * alone. A group of radios is one stop, as browsers make it (the arrow keys choose within it); what a closed
     * disclosure holds is reached once the keyboard opens it ({@link #openByKeyboard}).
     */
    @SuppressWarnings("unchecked")
    private void everyControlReachedByKeyboard() {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        String key = "const key = e => e.type === 'radio' ? 'radios ' + e.name : e.getAttribute('data-keyboard-check');";
        List<String> controls = (List<String>) script.executeScript(key
                + "const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select,"
                + " textarea, summary')].filter(e => !e.disabled && e.checkVisibility({visibilityProperty: true}));"
                + "all.forEach((e, i) => e.setAttribute('data-keyboard-check', i));"
                + "return [...new Set(all.map(key))];");
        script.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        Set<String> reached = new LinkedHashSet<>();
        Actions keyboard = new Actions(browser);
        for (int press = 0; press < controls.size() * 3 + 10 && !reached.containsAll(controls); press++) {
            keyboard.sendKeys(Keys.TAB).perform();
            String at = (String) script.executeScript(key + "const e = document.activeElement;"
                    + "return e && e.hasAttribute('data-keyboard-check') ? key(e) : null;");
            if (at != null) {
                reached.add(at);
            }
        }
        assertThat(reached).as("controls reached by Tab on %s", browser.getCurrentUrl())
                .containsAll(controls);
    }
}

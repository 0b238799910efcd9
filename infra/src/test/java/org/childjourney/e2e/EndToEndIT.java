package org.childjourney.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.e2e.Http.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scenarios S-1 to S-3 and S-12 end to end, over real HTTP with tokens from the real Keycloak: four agencies push
 * their signals about one child, children's social care records its involvement and leads, the allocated social
 * worker reads all four together, a teacher at another school is refused and learns nothing, the school that raised
 * a concern reads its own entry only, a resend makes no second entry, invalid submissions store nothing, and an
 * auditor sees the reads; then the emergency department checks the child at triage (minimal view, the lead told),
 * the police check the flags at an incident, and the hub releases an entry to another school; a mental health
 * service tells of the mother's crisis; the hub links the journey a visit known by a hospital number alone opened,
 * and undoes the link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static LocalStack stack;
    private static final Http HTTP = new Http();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NHS_NUMBER = FictionalNhsNumbers.next();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int READ_STORE_PORT = freeReadStorePort();
    private static String journeyId;
    private static String domesticAbuseEntryId;

    @BeforeAll
    static void bringUpTheSystem() throws Exception {
        stack = new LocalStack(Path.of(System.getProperty("childjourney.work", "target/e2e"), RUN),
                Map.of("CHILDJOURNEY_QUERY_READ_MODEL_PORT", String.valueOf(READ_STORE_PORT)));
    }

    @AfterAll
    static void bringItDown() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void fourAgenciesPushTheirSignalsAboutOneChild() throws Exception {
        List<Answer> answers = new ArrayList<>();
        answers.add(submit("hospital-north", submission("AE-" + RUN, "ae-attendance", "2026-11-18T10:00:00Z", null,
                "\"site\":\"North General ED\",\"presentingComplaint\":\"Fall from climbing frame\",\"injury\":true,"
                        + "\"dischargedAt\":\"2026-11-18T14:30:00Z\"")));
        answers.add(submit("police-east", domesticAbuse()));
        answers.add(submit("school-parkside", submission("SC-" + RUN, "school-concern", "2026-11-19T15:00:00Z", null,
                "\"category\":\"neglect\",\"description\":\"Hungry most mornings\",\"actionTaken\":\"Breakfast club\"")));
        answers.add(submit("csc-county", submission("CT-" + RUN, "contact", "2026-11-21T08:30:00Z",
                "{\"status\":\"given\"}", "\"reason\":\"Concerns from school and police\",\"category\":\"neglect\"")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(201));
        journeyId = answers.get(0).json().path("journeyId").asText();
        domesticAbuseEntryId = answers.get(1).json().path("entryId").asText();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.json().path("journeyId").asText())
                .isEqualTo(journeyId));
    }

    @Test
    @Order(2)
    void theAllocatedSocialWorkerReadsAllFourInTheOrderTheyHappened() throws Exception {
        assertThat(submit("csc-county", submission("INV-" + RUN, "involvement-started", "2026-11-21T09:00:00Z", null,
                "\"role\":\"allocated-social-worker\"")).status()).isEqualTo(201);
        String sarah = HTTP.userToken(stack.tokenUrl(), "sw.sarah", "sarah-pw");

        // The identifier lookup is a read model: it follows the gateway's appends, polling the event store.
        Answer search = await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.get(stack.queryApi()
                + "/api/v1/journeys?nhsNumber=" + NHS_NUMBER, sarah, "child-in-need"),
                answer -> !answer.json().path("journeys").isEmpty());
        assertThat(search.json().path("journeys").findValuesAsText("journeyId")).containsExactly(journeyId);

        JsonNode timeline = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(sarah, "child-in-need"),
                answer -> answer.status() == 200 && answer.json().path("entries").size() == 5).json();
        List<JsonNode> signals = new ArrayList<>();
        timeline.path("entries").forEach(entry -> {
            if (!entry.path("type").asText().equals("involvement-started")) {
                signals.add(entry);
            }
        });
        assertThat(signals).extracting(entry -> entry.path("type").asText()).containsExactly("ae-attendance",
                "school-concern", "domestic-abuse-notification", "contact");
        assertThat(signals).extracting(entry -> entry.path("agency").path("code").asText())
                .containsExactly("hospital-north", "school-parkside", "police-east", "csc-county");
    }

    @Test
    @Order(3)
    void aTeacherWithNoRelationshipIsRefusedAndLearnsNothing() throws Exception {
        String tom = HTTP.userToken(stack.tokenUrl(), "teacher.tom", "tom-pw");

        Answer refused = timeline(tom, "child-in-need");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.raw()).doesNotContain("entries", "neglect", "Hungry", "hospital-north", "police-east",
                NHS_NUMBER);
    }

    @Test
    @Order(3)
    void theSchoolThatRaisedAConcernReadsItsOwnEntryAndNeverThePolicesNotes() throws Exception {
        String dan = HTTP.userToken(stack.tokenUrl(), "dsl.dan", "dan-pw");

        Answer own = timeline(dan, "early-help");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("grounds").toString()).isEqualTo("[\"own-record\"]");
        assertThat(own.json().path("entries").findValuesAsText("type")).containsExactly("school-concern");
        assertThat(own.raw()).doesNotContain("domestic-abuse-notification", "Fall from climbing frame");
    }

    @Test
    @Order(4)
    void aResendMakesNoSecondEntryAndInvalidSubmissionsStoreNothing() throws Exception {
        long stored = storedEvents();
        assertThat(stored).isEqualTo(5);

        Answer resend = submit("police-east", domesticAbuse());
        Answer invalid = submit("police-east", domesticAbuse().replace("\"high\"", "\"severe\"")
                .replace("INC-" + RUN, "INC-BAD-" + RUN));
        Answer noConsent = submit("csc-county", submission("CT2-" + RUN, "contact", "2026-11-22T08:30:00Z", null,
                "\"reason\":\"Another concern\",\"category\":\"neglect\""));

        assertThat(resend.status()).isEqualTo(200);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field")).contains("details.riskLevel");
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.json().path("errors").findValuesAsText("field")).contains("consent");
        assertThat(resend.json().path("entryId").asText()).isEqualTo(domesticAbuseEntryId);
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /**
     * The events the event store holds for the child's journey, counted in the store itself: the entries, not the
     * notices the query API raises about them meanwhile (the concerns of three agencies in a month make an alert).
     */
    private static long storedEvents() throws Exception {
        String url = "jdbc:h2:file:" + stack.dataDir().toAbsolutePath().resolve("events/journey")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        try (Connection store = DriverManager.getConnection(url, "sa", stack.eventStorePassword());
                PreparedStatement count = store.prepareStatement(
                        "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                                + " AND payloadType NOT LIKE '%.AgencyNotified'")) {
            count.setString(1, journeyId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    @Order(5)
    void theAuditorSeesBothReads() throws Exception {
        String ann = HTTP.userToken(stack.tokenUrl(), "auditor.ann", "ann-pw");

        JsonNode accesses = await().atMost(Duration.ofSeconds(30)).until(
                () -> HTTP.get(stack.queryApi() + "/api/v1/journeys/" + journeyId + "/accesses", ann, "case-review"),
                answer -> answer.status() == 200
                        && answer.json().path("accesses").findValuesAsText("viewer").contains("teacher.tom")).json();

        assertThat(accesses.path("accesses").findValuesAsText("viewer")).contains("sw.sarah", "teacher.tom");
        assertThat(accesses.path("accesses").findValuesAsText("decision")).contains("permitted", "refused");
    }

    @Test
    @Order(6)
    void theEmergencyDepartmentSeesOnlyAttendancesAndThePlanFlagAndThePlansOwnerIsTold() throws Exception {
        assertThat(submit("csc-county", submission("CP-" + RUN, "cp-plan-started", "2026-11-22T10:00:00Z", null,
                "\"category\":\"neglect\"")).status()).isEqualTo(201);
        String nia = HTTP.userToken(stack.tokenUrl(), "nurse.nia", "nia-pw");

        JsonNode triage = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(nia, "unscheduled-care"),
                answer -> answer.status() == 200
                        && answer.json().path("flags").path("childProtectionPlan").asBoolean()).json();

        assertThat(triage.path("entries").findValuesAsText("type")).containsOnly("ae-attendance");
        assertThat(triage.path("flags").path("priorAttendances").asInt()).isEqualTo(1);
        String csc = HTTP.clientToken(stack.tokenUrl(), "csc-county");
        JsonNode inbox = await().atMost(Duration.ofSeconds(30)).until(
                () -> HTTP.get(stack.queryApi() + "/api/v1/inbox?unacknowledged=true", csc, "case-review").json(),
                items -> items.path("items").findValuesAsText("journeyId").contains(journeyId));
        assertThat(inbox.path("items").findValuesAsText("kind")).contains("access-notice");

        String paul = HTTP.userToken(stack.tokenUrl(), "pc.paul", "paul-pw");
        JsonNode check = timeline(paul, "urgent-check").json();
        assertThat(check.path("entries")).as("police at an incident: the flags only").isEmpty();
        assertThat(check.path("flags").path("childProtectionPlan").asBoolean()).isTrue();
        assertThat(check.path("flags").path("leadAgency").asText()).isEqualTo("csc-county");
    }

    @Test
    @Order(7)
    void theHubReleasesTheSchoolConcernToAnotherSchoolWhoseTeacherThenSeesOnlyThat() throws Exception {
        String mo = HTTP.userToken(stack.tokenUrl(), "mash.mo", "mo-pw");
        String schoolConcern = entryIdOf(timeline(mo, "mash-triage").json(), "school-concern");

        Answer release = HTTP.post(stack.queryApi() + "/api/v1/journeys/" + journeyId + "/releases", mo,
                "{\"toAgency\":\"school-riverside\",\"entryIds\":[\"" + schoolConcern + "\"],"
                        + "\"reason\":\"Sibling attends this school\"}", "mash-triage");
        assertThat(release.status()).as(release.raw()).isEqualTo(201);

        String tom = HTTP.userToken(stack.tokenUrl(), "teacher.tom", "tom-pw");
        JsonNode released = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(tom, "early-help"),
                answer -> answer.status() == 200).json();
        assertThat(released.path("entries").findValuesAsText("entryId")).containsExactly(schoolConcern);
    }

    /**
     * The monitoring system (the demo realm's {@code metrics-scraper}, as Prometheus's {@code oauth2} block would get
     * its token) reads both services' metrics, and can neither submit nor read the record.
     */
    @Test
    @Order(8)
    void theMonitoringSystemReadsBothServicesMetricsAndNothingElse() throws Exception {
        String scraper = HTTP.clientToken(stack.tokenUrl(), "metrics-scraper");

        assertThat(HTTP.get(stack.gateway() + "/actuator/prometheus", scraper).raw())
                .contains("childjourney_submissions_total");
        assertThat(HTTP.get(stack.queryApi() + "/actuator/prometheus", scraper).raw())
                .contains("childjourney_processor_lag");
        assertThat(HTTP.post(stack.gateway() + "/api/v1/submissions", scraper, "{}").status()).isEqualTo(403);
        assertThat(HTTP.get(stack.queryApi() + "/api/v1/admin/dead-letters", scraper).status()).isEqualTo(403);
    }

    @Test
    @Order(8)
    void theEventStoresServerListensOnTheLoopbackInterfaceOnly() throws Exception {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(stack.dataDir().resolve("events/journey.lock.db"))) {
            lock.load(in);
        }
        int port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
        try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(loopback.isConnected()).isTrue();
        }
        List<InetAddress> outward = new ArrayList<>();
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (face.isUp() && !face.isLoopback()) {
                Collections.list(face.getInetAddresses()).stream().filter(Inet4Address.class::isInstance)
                        .forEach(outward::add);
            }
        }
        assumeTrue(!outward.isEmpty(), "this machine has a network interface besides loopback");

        assertThatThrownBy(() -> new Socket(outward.get(0), port).close()).isInstanceOf(ConnectException.class);
    }

    /**
     * The embedded event store takes the password {@code up} generated once, kept in a file only its user may read
     * (in a directory only they may enter); without it, even on this machine, nobody can rewrite history.
     */
    @Test
    @Order(8)
    void theEmbeddedEventStoreAdmitsOnlyItsGeneratedPassword() throws Exception {
        Path secrets = stack.dataDir().resolve("secrets");
        assertThat(Files.getPosixFilePermissions(secrets.resolve("event-store-password")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(secrets)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(stack.eventStorePassword()).hasSizeGreaterThanOrEqualTo(32);
        String url = "jdbc:h2:file:" + stack.dataDir().toAbsolutePath().resolve("events/journey") + ";AUTO_SERVER=TRUE";

        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .isInstanceOf(SQLException.class);
    }

    /**
     * The demo realm's mental health service (client credentials, and its practitioner by password) tells of the
     * mother's crisis: the social worker leading the case sees that the entry exists and nothing of it; the service
     * reads its own entry and nothing else of the child's.
     */
    @Test
    @Order(8)
    void aMentalHealthServiceTellsOfTheMothersCrisisAndTheLeadSeesOnlyThatItExists() throws Exception {
        Answer told = submit("adult-mh-county", "{\"sourceRecordId\":\"MH-" + RUN + "\",\"type\":"
                + "\"adult-service-event\",\"occurredAt\":\"2026-11-23T02:30:00Z\",\"subject\":{\"nhsNumber\":\""
                + NHS_NUMBER + "\"},\"details\":{\"event\":\"mental-health-crisis\",\"adult\":\"mother\"}}");
        assertThat(told.status()).as(told.raw()).isEqualTo(201);
        assertThat(told.json().path("journeyId").asText()).isEqualTo(journeyId);
        String entryId = told.json().path("entryId").asText();
        String sarah = HTTP.userToken(stack.tokenUrl(), "sw.sarah", "sarah-pw");
        String meg = HTTP.userToken(stack.tokenUrl(), "mhp.meg", "meg-pw");

        JsonNode lead = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(sarah, "child-in-need"),
                answer -> answer.json().path("entries").findValuesAsText("entryId").contains(entryId)).json();
        Answer own = timeline(meg, "child-in-need");

        JsonNode seen = lead.path("entries").get(lead.path("entries").findValuesAsText("entryId").indexOf(entryId));
        assertThat(seen.has("summary")).isFalse();
        assertThat(seen.path("redacted").toString()).contains("event", "adult");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.json().path("entries").findValuesAsText("entryId")).containsExactly(entryId);
        assertThat(own.json().path("entries").get(0).path("details").path("event").asText())
                .isEqualTo("mental-health-crisis");
    }

    @Test
    @Order(8)
    void theHubLinksTheJourneyAnotherHospitalVisitOpenedAndUndoesItExactly() throws Exception {
        Answer visit = submit("hospital-north", "{\"sourceRecordId\":\"AE2-" + RUN + "\",\"type\":\"ae-attendance\","
                + "\"occurredAt\":\"2026-11-24T19:00:00Z\",\"subject\":{\"localId\":{\"system\":"
                + "\"hospital-north/mrn\",\"value\":\"MRN-" + RUN + "\"}},\"details\":{\"site\":\"North General ED\","
                + "\"presentingComplaint\":\"Burn to hand\",\"injury\":true,"
                + "\"dischargedAt\":\"2026-11-24T22:00:00Z\"}}");
        assertThat(visit.status()).as(visit.raw()).isEqualTo(201);
        String other = visit.json().path("journeyId").asText();
        assertThat(other).as("known by a local id only: another journey").isNotEqualTo(journeyId);
        String mo = HTTP.userToken(stack.tokenUrl(), "mash.mo", "mo-pw");
        String sarah = HTTP.userToken(stack.tokenUrl(), "sw.sarah", "sarah-pw");
        String otherTimeline = stack.queryApi() + "/api/v1/journeys/" + other + "/timeline";
        assertThat(HTTP.get(otherTimeline, sarah, "child-in-need").status()).isEqualTo(403);

        Answer linked = HTTP.post(stack.queryApi() + "/api/v1/journeys/" + journeyId + "/links", mo,
                "{\"otherJourneyId\":\"" + other + "\",\"evidence\":\"Same child: the ED confirmed the NHS number\"}");
        assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
        JsonNode both = await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.get(otherTimeline, sarah,
                "child-in-need"), answer -> answer.json().path("entries").findValuesAsText("entryId")
                .contains(visit.json().path("entryId").asText())).json();
        assertThat(both.path("linkedJourneys").toString()).isEqualTo("[\"" + journeyId + "\"]");
        assertThat(both.path("entries").findValuesAsText("type")).contains("school-concern", "ae-attendance");

        Answer unlinked = HTTP.delete(stack.queryApi() + "/api/v1/journeys/" + other + "/links/" + journeyId, mo);
        assertThat(unlinked.status()).as(unlinked.raw()).isEqualTo(204);
        assertThat(HTTP.get(otherTimeline, sarah, "child-in-need").status()).isEqualTo(403);
    }

    @Test
    @Order(9)
    void nothingOfTheChildReachedTheStacksLogs() throws Exception {
        List<Path> logs;
        try (Stream<Path> files = Files.list(stack.dataDir().resolve("logs"))) {
            logs = files.filter(file -> file.toString().endsWith(".log")).toList();
        }
        assertThat(logs).extracting(file -> file.getFileName().toString())
                .contains("keycloak.log", "agency-gateway.log", "query-api.log");
        for (Path log : logs) {
            assertThat(Files.readString(log)).as(log.getFileName().toString()).doesNotContain(NHS_NUMBER, "Amy",
                    "Example", "Fall from climbing frame", "Hungry most mornings", "Breakfast club",
                    "Concerns from school and police", "Seeking consent would alert the adult",
                    "Sibling attends this school", "Another concern");
        }
    }

    /**
     * The whole record so far, every submission and every read of it, is on the event chain: the head exported by an
     * administrator, kept outside, matches the chain that {@code infra/bin/verify-chain} walks in the store, and
     * {@code infra/bin/export-record} writes it all out.
     */
    @Test
    @Order(11)
    void theCommandsWalkAndExportTheChainOfTheWholeRecordAndMatchTheCheckpointKeptOutside() throws Exception {
        String ada = HTTP.userToken(stack.tokenUrl(), "admin.ada", "ada-pw");
        JsonNode kept = HTTP.get(stack.queryApi() + "/api/v1/admin/chain/checkpoints", ada).json();
        assertThat(kept.path("head").path("link").asLong()).isGreaterThan(10);
        Path file = stack.dataDir().resolve("checkpoints.json");
        Files.writeString(file, kept.toString());

        String walked = stack.script("verify-chain", "--checkpoints", file.toString());
        assertThat(walked).contains("checkpoints matched: 1").endsWith("intact\n");
        long links = Long.parseLong(walked.replaceAll("(?s).*links walked: (\\d+).*", "$1"));
        assertThat(links).isGreaterThanOrEqualTo(kept.path("head").path("link").asLong());

        Path record = stack.dataDir().resolve("record.ndjson");
        // Refused while an event is not chained yet (a notice the feedback loops raised a moment ago): then again.
        String exported = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().until(() -> stack.script("export-record", record.toString()), done -> true);
        long events = Long.parseLong(exported.replaceAll("(?s).*exported (\\d+) events.*", "$1"));
        assertThat(events).isGreaterThanOrEqualTo(links);
        List<String> lines = Files.readAllLines(record);
        assertThat(JSON.readTree(lines.get(0)).path("head").path("link").asLong()).isEqualTo(events);
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("end").path("events").asLong()).isEqualTo(events);
    }

    /**
     * A record made about the wrong child is erased (docs/erasure.md): an administrator erases the journey two agencies
     * opened for a fictional child; once it is carried out, nothing of the child is left, not a value, not a digest,
     * not the journey's key, in the event store's file, a backup of it taken afterwards, the read store, an export or
     * the logs; the chain still verifies, and the auditor learns that the record existed and was erased, by whom and
     * why.
     */
    @Test
    @Order(12)
    void aRecordMadeAboutTheWrongChildIsErasedAndNothingOfTheChildIsLeftButThatItWas() throws Exception {
        String nhsNumber = FictionalNhsNumbers.next();
        String subject = "\"subject\":{\"nhsNumber\":\"" + nhsNumber + "\",\"localId\":{\"system\":\"hospital-north/mrn\","
                + "\"value\":\"MRN-ER-" + RUN + "\"},\"givenName\":\"Zinnia\",\"familyName\":\"Wrongrecord\","
                + "\"dateOfBirth\":\"2015-07-09\",\"postcode\":\"CB4 1ZX\"}";
        Answer attendance = submit("hospital-north", "{\"sourceRecordId\":\"AE-ER-" + RUN + "\",\"type\":"
                + "\"ae-attendance\",\"occurredAt\":\"2026-11-25T10:00:00Z\"," + subject + ",\"details\":{\"site\":"
                + "\"North General ED\",\"presentingComplaint\":\"Scald from a kettle " + RUN + "\",\"injury\":true,"
                + "\"dischargedAt\":\"2026-11-25T13:00:00Z\"}}");
        assertThat(attendance.status()).as(attendance.raw()).isEqualTo(201);
        String erased = attendance.json().path("journeyId").asText();
        assertThat(erased).isNotEqualTo(journeyId);
        String ann = HTTP.userToken(stack.tokenUrl(), "auditor.ann", "ann-pw");
        String ada = HTTP.userToken(stack.tokenUrl(), "admin.ada", "ada-pw");
        String path = stack.queryApi() + "/api/v1/journeys/" + erased;
        await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.get(path + "/timeline", ann, "case-review").json()
                .path("entries").size() == 1);
        List<String> personal = List.of(nhsNumber, "MRN-ER-" + RUN, "Zinnia", "Wrongrecord", "2015-07-09", "CB4 1ZX",
                "Scald from a kettle " + RUN);
        List<String> digests = new ArrayList<>();
        String key;
        try (Connection store = eventStore(); Connection keys = keyStore()) {
            digests.addAll(column(store, "SELECT digest FROM journey_identifier WHERE journey_id = ?", erased));
            digests.addAll(column(store, "SELECT digest FROM journey_feature WHERE journey_id = ?", erased));
            digests.addAll(column(store, "SELECT description FROM journey_feature WHERE journey_id = ?", erased));
            digests.addAll(column(store, "SELECT content_digest FROM intake_submission WHERE journey_id = ?", erased));
            key = column(keys, "SELECT data_key FROM journey_key WHERE journey_id = ?", erased).get(0);
        }
        assertThat(digests).as("the NHS number's and the local id's, features, a description, the content's")
                .hasSizeGreaterThan(5);
        assertThat(readStore()).contains("Scald from a kettle " + RUN);

        Answer erasure = HTTP.post(path + "/erasure", ada, "{\"ground\":\"wrong-child\",\"reason\":\"Fictional: the "
                + "hospital recorded this attendance against the wrong child\"}");

        assertThat(erasure.status()).as(erasure.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.get(path + "/erasure", ann).json()
                .path("keyDeleted").asBoolean());
        await().atMost(Duration.ofSeconds(30)).until(() -> !readStore().contains(erased + "\", \"sequence\""));
        Answer gone = HTTP.get(path + "/timeline", ann, "case-review");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().path("erasedBy").asText()).isEqualTo("admin.ada");
        assertThat(gone.json().path("ground").asText()).isEqualTo("wrong-child");

        Path backup = stack.dataDir().resolve("backup-after-erasure.sql");
        try (Connection store = eventStore()) {
            store.createStatement().execute("SCRIPT TO '" + backup + "'");
        }
        Path export = stack.dataDir().resolve("record-after-erasure.ndjson");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> stack.script("export-record", export.toString()), done -> true);
        String walked = stack.script("verify-chain");
        assertThat(walked).endsWith("intact\n");
        Map<String, String> scanned = new java.util.LinkedHashMap<>();
        scanned.put("a backup of the event store", Files.readString(backup));
        scanned.put("the export", Files.readString(export));
        scanned.put("the read store", readStore());
        try (Stream<Path> logs = Files.list(stack.dataDir().resolve("logs"))) {
            for (Path log : logs.toList()) {
                scanned.put(log.getFileName().toString(), Files.readString(log));
            }
        }
        assertThat(scanned.get("the export")).contains(erased);
        for (Map.Entry<String, String> copy : scanned.entrySet()) {
            assertThat(copy.getValue()).as(copy.getKey()).doesNotContain(personal).doesNotContain(digests)
                    .doesNotContain(key);
        }
        String eventStoreFile = new String(Files.readAllBytes(stack.dataDir().resolve("events/journey.mv.db")),
                StandardCharsets.ISO_8859_1);
        assertThat(eventStoreFile).as("the event store's file: its events were never stored in clear")
                .doesNotContain(personal).doesNotContain(key);
        try (Connection keys = keyStore()) {
            assertThat(column(keys, "SELECT data_key FROM journey_key WHERE journey_id = ?", erased))
                    .containsExactly((String) null);
        }
    }

    /**
     * The production realm template, imported into the real Keycloak beside the demo realm (under another name, and
     * over plain HTTP on this machine only), with one test key in place of the agency's published JWKS: an agency
     * system gets a token by a client assertion signed with its key, never with a secret, and nobody gets one by the
     * password grant.
     */
    @Test
    @Order(10)
    void theProductionRealmAdmitsSignedAgencySystemsAndNoPasswords() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(stack.root().resolve(
                "infra/keycloak/production-realm.json")));
        String name = "journey-production-check";
        realm.put("realm", name).put("sslRequired", "external");
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("example-agency")) {
                ((ObjectNode) client.path("attributes")).put("use.jwks.url", "false").put("use.jwks.string", "true")
                        .put("jwks.string", jwks((RSAPublicKey) key.getPublic()));
            }
        }
        String admin = HTTP.postForm(stack.keycloak() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .json().path("access_token").asText();
        Answer imported = HTTP.post(stack.keycloak() + "/admin/realms", admin, JSON.writeValueAsString(realm));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        String tokenUrl = stack.keycloak() + "/realms/" + name + "/protocol/openid-connect/token";

        Answer signed = HTTP.postForm(tokenUrl, Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion("example-agency", tokenUrl, key.getPrivate())));
        Answer withSecret = HTTP.postForm(tokenUrl, Map.of("grant_type", "client_credentials",
                "client_id", "example-agency", "client_secret", "example-agency-secret"));
        Answer password = HTTP.postForm(tokenUrl, Map.of("grant_type", "password", "client_id", "journey-web",
                "username", "anyone", "password", "anything-at-all"));

        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(
                signed.json().path("access_token").asText().split("\\.")[1]));
        assertThat(claims.path("agency").asText()).isEqualTo("example-agency");
        assertThat(claims.path("aud").toString()).contains("journey-gateway", "journey-query");
        // Five minutes: the token's lifespan as Keycloak answers it; its exp and iat claims come from two readings
        // of the clock in whole seconds, and may lie one second further apart.
        assertThat(signed.json().path("expires_in").asLong()).isLessThanOrEqualTo(300);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isLessThanOrEqualTo(301);
        assertThat(withSecret.status()).as("no shared secret admits an agency").isIn(400, 401);
        assertThat(withSecret.json().path("error").asText()).isIn("invalid_client", "unauthorized_client");
        assertThat(withSecret.json().has("access_token")).isFalse();
        assertThat(password.status()).as("no password grant").isIn(400, 401);
        assertThat(password.json().has("access_token")).isFalse();
        assertThat(password.json().path("error").asText()).isIn("unauthorized_client", "invalid_client");

        // The monitoring system's client: its secret made by Keycloak, as an administrator makes it after the import.
        String freshAdmin = HTTP.postForm(stack.keycloak() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .json().path("access_token").asText();
        Answer found = HTTP.get(stack.keycloak() + "/admin/realms/" + name + "/clients?clientId=metrics-scraper",
                freshAdmin);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        Answer made = HTTP.post(stack.keycloak() + "/admin/realms/" + name + "/clients/"
                + found.json().path(0).path("id").asText() + "/client-secret", freshAdmin, "");
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        String secret = made.json().path("value").asText();
        Answer scraper = HTTP.postForm(tokenUrl, Map.of("grant_type", "client_credentials",
                "client_id", "metrics-scraper", "client_secret", secret));
        assertThat(scraper.status()).as(scraper.raw()).isEqualTo(200);
        JsonNode scraperClaims = JSON.readTree(Base64.getUrlDecoder().decode(
                scraper.json().path("access_token").asText().split("\\.")[1]));
        assertThat(scraperClaims.path("aud").toString()).contains("journey-gateway", "journey-query");
        assertThat(scraperClaims.path("realm_access").path("roles").toString()).contains("\"metrics\"")
                .doesNotContain("\"admin\"", "\"agency-system\"");
        assertThat(scraperClaims.has("agency")).isFalse();
    }

    /** The public key as a JSON Web Key Set of one RS256 signing key. */
    private static String jwks(RSAPublicKey key) throws Exception {
        return JSON.writeValueAsString(Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "check", "use", "sig",
                "alg", "RS256", "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent())))));
    }

    /** A client assertion (RFC 7523): the client says who it is, for this token endpoint, signed RS256. */
    private static String assertion(String clientId, String audience, PrivateKey key) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = encode(Map.of("alg", "RS256", "kid", "check", "typ", "JWT"));
        String payload = encode(Map.of("iss", clientId, "sub", clientId, "aud", audience,
                "jti", UUID.randomUUID().toString(), "iat", now, "exp", now + 60));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String encode(Map<String, Object> json) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static String entryIdOf(JsonNode timeline, String type) {
        for (JsonNode entry : timeline.path("entries")) {
            if (entry.path("type").asText().equals(type)) {
                return entry.path("entryId").asText();
            }
        }
        throw new AssertionError("no " + type + " on the timeline");
    }

    private static String domesticAbuse() {
        return submission("INC-" + RUN, "domestic-abuse-notification", "2026-11-20T21:14:00Z",
                "{\"status\":\"not-sought-prejudicial\",\"reason\":\"Seeking consent would alert the adult\"}",
                "\"incidentReference\":\"INC-" + RUN + "\",\"childPresent\":true,\"riskLevel\":\"high\"");
    }

    private static String submission(String id, String type, String occurredAt, String consent, String details) {
        return "{\"sourceRecordId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt + "\","
                + "\"subject\":{\"nhsNumber\":\"" + NHS_NUMBER + "\",\"givenName\":\"Amy\",\"familyName\":\"Example\"}"
                + (consent == null ? "" : ",\"consent\":" + consent) + ",\"details\":{" + details + "}}";
    }

    private static Connection eventStore() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + stack.dataDir().toAbsolutePath().resolve("events/journey")
                + ";AUTO_SERVER=TRUE", "sa", stack.eventStorePassword());
    }

    private static Connection keyStore() throws Exception {
        return DriverManager.getConnection(stack.keyStoreUrl(), "sa", stack.keyStorePassword());
    }

    private static List<String> column(Connection connection, String sql, String journey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, sql.contains("journey_key") ? journey : UUID.fromString(journey));
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1) == null ? null : rows.getString(1).trim());
                }
            }
            return values;
        }
    }

    /** Every document of every collection of the read store, as JSON. */
    private static String readStore() {
        StringBuilder all = new StringBuilder();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + READ_STORE_PORT)) {
            MongoDatabase database = client.getDatabase("journey");
            for (String name : database.listCollectionNames()) {
                database.getCollection(name).find().forEach(document -> all.append(document.toJson()).append('\n'));
            }
        }
        return all.toString();
    }

    private static int freeReadStorePort() {
        try {
            return LocalStack.freePort();
        } catch (java.io.IOException unavailable) {
            throw new java.io.UncheckedIOException(unavailable);
        }
    }

    private static Answer submit(String agency, String body) throws Exception {
        return HTTP.post(stack.gateway() + "/api/v1/submissions", HTTP.clientToken(stack.tokenUrl(), agency), body);
    }

    private static Answer timeline(String token, String purpose) throws Exception {
        return HTTP.get(stack.queryApi() + "/api/v1/journeys/" + journeyId + "/timeline", token, purpose);
    }
}

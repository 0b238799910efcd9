package org.childjourney.e2e;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.e2e.Http.Answer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out on the engines a deployment already has: two gateways and two query APIs on one PostgreSQL event store
 * and one read store (a standalone mongo-java-server standing in for the MongoDB replica set). The query APIs share
 * each read-model processor's segments through the token store. Every child's submissions are each sent through
 * both gateways at once, and an emergency department checks every child's flags, which tells the child's plan's
 * owner in its inbox: a document that every segment writes. Half-way, one query API is killed with SIGKILL; the
 * other takes over its segments and finishes. There is exactly one entry per agency and source record, and the read
 * models are complete and hold each thing once: every timeline, the inbox, the identifier lookup.
 */
class ScaleOutIT {

    private static final String SERVER = System.getenv().getOrDefault("CHILDJOURNEY_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final Http HTTP = new Http();
    private static final int CHILDREN = 24;
    /** Small pages, so that the inbox crosses many while both instances append to it. */
    private static final int PAGE = 4;
    private static final List<String> PROCESSORS = List.of("timeline", "journey-lookup", "access-log", "inbox");

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** Threads for the children, threads for each submission's posts to every gateway, and the gateways. */
    private record Senders(ExecutorService children, ExecutorService posts, List<String> gateways) {
    }

    /** A child's two entries: each answered once {@code 201}, and {@code 200} with the same entry to the other. */
    private record Child(String journeyId, String attendance, String plan) {
    }

    @BeforeAll
    static void postgres() {
        if ("true".equals(System.getenv("CI"))) {
            return;
        }
        try (Connection probe = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
            Assumptions.assumeTrue(probe.isValid(5));
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL is not reachable on " + SERVER + " (start it, or set "
                    + "CHILDJOURNEY_TEST_POSTGRES): the scale-out test is skipped");
        }
    }

    @Test
    void twoOfEachServiceShareTheWorkAndTheSurvivorOfAKillFinishesIt() throws Exception {
        String database = "scaleout_" + run;
        // The journeys' keys in a database of their own, as in production (docs/erasure.md).
        String keys = "scaleout_keys_" + run;
        try (Connection admin = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
            admin.createStatement().execute("CREATE DATABASE " + keys);
        }
        MongoServer readStore = new MongoServer(new MemoryBackend());
        int readStorePort = LocalStack.freePort();
        readStore.bind("127.0.0.1", readStorePort);
        Map<String, String> settings = Map.of(
                "JOURNEY_DATASOURCE_URL", SERVER + database, "JOURNEY_DATASOURCE_USERNAME", "postgres",
                "JOURNEY_KEYS_URL", SERVER + keys, "JOURNEY_KEYS_USERNAME", "postgres",
                "SPRING_DATA_MONGODB_URI", "mongodb://127.0.0.1:" + readStorePort,
                "CHILDJOURNEY_QUERY_READ_MODEL_PAGE_SIZE", String.valueOf(PAGE),
                "CHILDJOURNEY_QUERY_PROCESSOR_MODE", "pooled", "CHILDJOURNEY_QUERY_PROCESSOR_SEGMENTS", "4");
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ExecutorService posts = Executors.newCachedThreadPool();
        try (LocalStack stack = new LocalStack(Path.of(System.getProperty("childjourney.work", "target/e2e"),
                "scale-" + run), settings);
                LocalStack.Instance secondGateway = stack.another("agency-gateway");
                LocalStack.Instance secondQuery = stack.another("query-api");
                Connection store = DriverManager.getConnection(SERVER + database, "postgres", "");
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + readStorePort)) {
            List<String> gateways = List.of(stack.gateway(), secondGateway.url());
            String survivor = secondQuery.process().pid() + "@";
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> owners(store).values().stream().allMatch(owners -> owners.size() == 2));

            String nia = HTTP.userToken(stack.tokenUrl(), "nurse.nia", "nia-pw");
            List<Child> children = new ArrayList<>();
            Senders sending = new Senders(senders, posts, gateways);
            children.addAll(children(stack, sending, 0, CHILDREN / 2, List.of(stack.queryApi(), secondQuery.url()),
                    nia));
            stack.kill("query-api");
            children.addAll(children(stack, sending, CHILDREN / 2, CHILDREN, List.of(secondQuery.url()), nia));

            assertThat(count(store, "SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType IN ("
                    + "'org.childjourney.core.journey.event.AeAttendanceRecorded', "
                    + "'org.childjourney.core.journey.event.ChildProtectionPlanStarted')"))
                    .as("one entry per agency and source record").isEqualTo(2L * CHILDREN);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> owners(store).values().stream().allMatch(Set.of(survivor)::equals));
            MongoDatabase readModels = client.getDatabase("journey");
            String csc = HTTP.clientToken(stack.tokenUrl(), "csc-county");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (Child child : children) {
                    assertThat(entriesOnTheTimeline(readModels, child.journeyId()))
                            .containsExactlyInAnyOrder(child.attendance(), child.plan());
                }
                assertThat(inbox(secondQuery.url(), csc)).as("one notice per check, each once")
                        .containsExactlyInAnyOrderElementsOf(children.stream().map(Child::journeyId).toList());
            });
            List<String> looked = new ArrayList<>();
            for (Document lookup : readModels.getCollection("identifier_lookup").find()) {
                List<String> journeys = lookup.getList("journeyIds", String.class);
                assertThat(journeys).as("an identifier's journeys, each once").doesNotHaveDuplicates();
                looked.addAll(journeys);
            }
            assertThat(looked).containsAll(children.stream().map(Child::journeyId).toList());
            // Every event, the disclosure records among them, on one chain, whichever instance chained it.
            String ada = HTTP.userToken(stack.tokenUrl(), "admin.ada", "ada-pw");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Answer verdict = HTTP.post(secondQuery.url() + "/api/v1/admin/chain/verifications", ada, "");
                assertThat(verdict.json().path("intact").asBoolean()).as(verdict.raw()).isTrue();
                assertThat(verdict.json().path("links").asLong())
                        .isEqualTo(count(store, "SELECT COUNT(*) FROM DomainEventEntry"));
            });
        } finally {
            senders.shutdownNow();
            posts.shutdownNow();
            readStore.shutdownNow();
            try (Connection admin = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + keys + " WITH (FORCE)");
            }
        }
    }

    /**
     * Children {@code from} to {@code to}, each with an emergency-department attendance and a child protection plan,
     * every submission sent through both gateways at once; then their flags checked by the emergency department,
     * through the query APIs in turn.
     */
    private List<Child> children(LocalStack stack, Senders senders, int from, int to, List<String> queries,
            String nurse) throws Exception {
        String hospital = HTTP.clientToken(stack.tokenUrl(), "hospital-north");
        String socialCare = HTTP.clientToken(stack.tokenUrl(), "csc-county");
        List<Future<Child>> sent = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String nhsNumber = FictionalNhsNumbers.next();
            String source = run + "-" + i;
            String query = queries.get(i % queries.size());
            sent.add(senders.children().submit(() -> {
                Answer attendance = throughBoth(senders, hospital, submission("AE-" + source, nhsNumber,
                        "ae-attendance", "\"site\":\"North General ED\",\"presentingComplaint\":\"Fall\","
                                + "\"injury\":false,\"dischargedAt\":\"2026-11-18T14:30:00Z\""));
                Answer plan = throughBoth(senders, socialCare, submission("CP-" + source, nhsNumber,
                        "cp-plan-started", "\"category\":\"neglect\""));
                String journeyId = attendance.json().path("journeyId").asText();
                assertThat(plan.json().path("journeyId").asText()).isEqualTo(journeyId);
                Answer check = HTTP.get(query + "/api/v1/journeys/" + journeyId + "/timeline", nurse,
                        "unscheduled-care");
                assertThat(check.status()).as(check.raw()).isEqualTo(200);
                return new Child(journeyId, attendance.json().path("entryId").asText(),
                        plan.json().path("entryId").asText());
            }));
        }
        List<Child> children = new ArrayList<>();
        for (Future<Child> child : sent) {
            children.add(child.get());
        }
        return children;
    }

    /** One submission sent through every gateway at once: one answers {@code 201}, the others the same entry. */
    private static Answer throughBoth(Senders senders, String token, String body) throws Exception {
        List<Future<Answer>> posted = senders.gateways().stream()
                .map(gateway -> senders.posts().submit(() -> HTTP.post(gateway + "/api/v1/submissions", token, body)))
                .toList();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : posted) {
            answers.add(answer.get());
        }
        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(201, 200);
        assertThat(answers).extracting(answer -> answer.json().path("entryId").asText()).as(answers.toString())
                .containsOnly(answers.get(0).json().path("entryId").asText());
        return answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow();
    }

    private static String submission(String sourceRecordId, String nhsNumber, String type, String details) {
        return "{\"sourceRecordId\":\"" + sourceRecordId + "\",\"type\":\"" + type + "\","
                + "\"occurredAt\":\"2026-11-18T10:00:00Z\",\"subject\":{\"nhsNumber\":\"" + nhsNumber + "\","
                + "\"givenName\":\"Sam\",\"familyName\":\"Example\"},\"details\":{" + details + "}}";
    }

    /** The entry ids on a journey's timeline, as its head document holds them (a few entries fit one page). */
    private static List<String> entriesOnTheTimeline(MongoDatabase readModels, String journeyId) {
        Document head = readModels.getCollection("timelines").find(eq("_id", journeyId)).first();
        assertThat(head).as("the timeline of " + journeyId).isNotNull();
        assertThat(head.getInteger("pages", 0)).isZero();
        return head.getList("items", Document.class).stream().filter(record -> "entry".equals(record.get("record")))
                .map(record -> record.getString("entryId")).toList();
    }

    /** The journeys named by the agency's inbox items, every page of it, read through a query API. */
    private static List<String> inbox(String query, String token) throws Exception {
        List<String> journeys = new ArrayList<>();
        for (int page = 0; page >= 0; ) {
            JsonNode answer = HTTP.get(query + "/api/v1/inbox?page=" + page, token, "case-review").json();
            journeys.addAll(answer.path("items").findValuesAsText("journeyId"));
            page = answer.path("next").isMissingNode() || answer.path("next").isNull() ? -1 : page + 1;
        }
        return journeys;
    }

    /**
     * Each read-model processor's claims in the token store, by owner: the process id that Axon's owner names (as
     * {@code <pid>@<host>}), with its {@code @}.
     */
    private static Map<String, Set<String>> owners(Connection store) throws SQLException {
        Map<String, Set<String>> owners = new HashMap<>();
        PROCESSORS.forEach(processor -> owners.put(processor, new HashSet<>()));
        try (Statement query = store.createStatement();
                ResultSet claims = query.executeQuery("SELECT processorName, owner FROM TokenEntry WHERE owner IS NOT"
                        + " NULL")) {
            while (claims.next()) {
                String owner = claims.getString(2);
                owners.computeIfPresent(claims.getString(1), (processor, named) -> {
                    named.add(owner.substring(0, owner.indexOf('@') + 1));
                    return named;
                });
            }
        }
        return owners;
    }

    private static long count(Connection store, String sql) throws SQLException {
        try (Statement query = store.createStatement(); ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

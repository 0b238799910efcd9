package org.childjourney.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.e2e.Http.Answer;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost when the whole local system dies at once: while four agencies push and the allocated
 * social worker reads, every process that {@code infra/bin/up} started (Keycloak, the gateway, the query API) is
 * killed with SIGKILL; the same command starts it again, and every submission that was answered {@code 201} is
 * still there (its resend answers {@code 200} with the same entry, and it is on the timeline), and every read that
 * was answered has its disclosure record.
 */
class CrashIT {

    private static final Http HTTP = new Http();
    private static final List<String> AGENCIES = List.of("police-east", "hospital-north", "school-parkside",
            "csc-county");
    private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 150;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String nhsNumber = FictionalNhsNumbers.next();

    /** A submission the gateway answered {@code 201}: what was sent, and the entry it became. */
    private record Acknowledged(String agency, String body, String journeyId, String entryId) {
    }

    @Test
    void everyAcknowledgedSubmissionAndReadSurvivesSigkillOfTheWholeSystem() throws Exception {
        try (LocalStack stack = new LocalStack(Path.of(System.getProperty("childjourney.work", "target/e2e"),
                "crash-" + run))) {
            String journeyId = openTheJourney(stack);
            ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicInteger readsAnswered = new AtomicInteger();
            AtomicBoolean crashed = new AtomicBoolean();
            ExecutorService load = Executors.newFixedThreadPool(AGENCIES.size() + 1);
            for (String agency : AGENCIES) {
                String token = HTTP.clientToken(stack.tokenUrl(), agency);
                load.submit(() -> push(stack, agency, token, acknowledged, crashed));
            }
            String sarah = HTTP.userToken(stack.tokenUrl(), "sw.sarah", "sarah-pw");
            load.submit(() -> read(stack, journeyId, sarah, readsAnswered, crashed));

            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_THE_CRASH);
            killEverything(stack);
            crashed.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            List<Acknowledged> before = List.copyOf(acknowledged);
            int reads = readsAnswered.get();
            System.out.printf("CrashIT: killed with %d submissions acknowledged and %d reads answered%n",
                    before.size(), reads);

            stack.up();

            assertThat(before).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_CRASH);
            for (Acknowledged submission : before) {
                Answer resend = HTTP.post(stack.gateway() + "/api/v1/submissions",
                        HTTP.clientToken(stack.tokenUrl(), submission.agency()), submission.body());
                assertThat(resend.status()).as(resend.raw()).isEqualTo(200);
                assertThat(resend.json().path("entryId").asText()).isEqualTo(submission.entryId());
                assertThat(resend.json().path("journeyId").asText()).isEqualTo(submission.journeyId());
            }
            Set<String> entryIds = new HashSet<>(before.stream().map(Acknowledged::entryId).toList());
            String sarahAgain = HTTP.userToken(stack.tokenUrl(), "sw.sarah", "sarah-pw");
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                    timeline(stack, journeyId, sarahAgain).json().path("entries").findValuesAsText("entryId"))
                    .containsAll(entryIds));
            assertThat(reads).isPositive();
            String ann = HTTP.userToken(stack.tokenUrl(), "auditor.ann", "ann-pw");
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(permittedReadsBySarah(
                    HTTP.get(stack.queryApi() + "/api/v1/journeys/" + journeyId + "/accesses", ann, "case-review")
                            .json())).isGreaterThanOrEqualTo(reads));
        }
    }

    /** The first submissions, before any load: a contact, and social care's involvement so that Sarah may read. */
    private String openTheJourney(LocalStack stack) throws Exception {
        String csc = HTTP.clientToken(stack.tokenUrl(), "csc-county");
        Answer involvement = HTTP.post(stack.gateway() + "/api/v1/submissions", csc, submission("INV-" + run,
                "involvement-started", null, "\"role\":\"allocated-social-worker\""));
        assertThat(involvement.status()).as(involvement.raw()).isEqualTo(201);
        String journeyId = involvement.json().path("journeyId").asText();
        String sarah = HTTP.userToken(stack.tokenUrl(), "sw.sarah", "sarah-pw");
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(stack, journeyId, sarah).status() == 200);
        return journeyId;
    }

    private void push(LocalStack stack, String agency, String token, ConcurrentLinkedQueue<Acknowledged> acknowledged,
            AtomicBoolean crashed) {
        for (int n = 0; !crashed.get(); n++) {
            String body = submission(agency + "-" + run + "-" + n, "contact", "{\"status\":\"given\"}",
                    "\"reason\":\"Concern number " + n + "\",\"category\":\"neglect\"");
            try {
                Answer answer = HTTP.post(stack.gateway() + "/api/v1/submissions", token, body);
                if (answer.status() == 201) {
                    acknowledged.add(new Acknowledged(agency, body, answer.json().path("journeyId").asText(),
                            answer.json().path("entryId").asText()));
                }
            } catch (Exception refusedOrCut) {
                // The crash cuts requests under way; what was never answered was never acknowledged.
            }
        }
    }

    private void read(LocalStack stack, String journeyId, String token, AtomicInteger answered,
            AtomicBoolean crashed) {
        while (!crashed.get()) {
            try {
                if (timeline(stack, journeyId, token).status() == 200) {
                    answered.incrementAndGet();
                }
            } catch (Exception cut) {
                // as above
            }
        }
    }

    /** SIGKILL to every process of the stack, together: Keycloak, the gateway, the query API and their children. */
    private static void killEverything(LocalStack stack) throws Exception {
        List<ProcessHandle> processes = new ArrayList<>();
        for (String service : List.of("keycloak", "agency-gateway", "query-api")) {
            ProcessHandle.of(stack.pid(service)).ifPresent(process -> Stream.concat(Stream.of(process),
                    process.descendants()).forEach(processes::add));
        }
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static long permittedReadsBySarah(JsonNode accessLog) {
        long count = 0;
        for (JsonNode access : accessLog.path("accesses")) {
            if (access.path("viewer").asText().equals("sw.sarah")
                    && access.path("decision").asText().equals("permitted")) {
                count++;
            }
        }
        return count;
    }

    private String submission(String id, String type, String consent, String details) {
        return "{\"sourceRecordId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"2026-11-21T09:00:00Z\","
                + "\"subject\":{\"nhsNumber\":\"" + nhsNumber + "\"}"
                + (consent == null ? "" : ",\"consent\":" + consent) + ",\"details\":{" + details + "}}";
    }

    private static Answer timeline(LocalStack stack, String journeyId, String token) throws Exception {
        return HTTP.get(stack.queryApi() + "/api/v1/journeys/" + journeyId + "/timeline", token, "child-in-need");
    }
}

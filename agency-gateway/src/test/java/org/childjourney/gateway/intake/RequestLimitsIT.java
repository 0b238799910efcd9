package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.childjourney.gateway.GatewayClient;
import org.childjourney.gateway.GatewayClient.Answer;
import org.childjourney.gateway.MockKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway reads no more of a request than its limits, whatever the caller declares or sends: a body, a batch or
 * a batch's count of lines over the limit is refused with {@code 413} problem+json and nothing of it is stored;
 * malformed or too deeply nested JSON is {@code 400}; a batch that finds no place in memory waits, then is turned
 * away with {@code 503} and {@code Retry-After}. Limits here are small (4 KiB a submission, 1 MiB and 5 lines a
 * batch, one batch at a time) so that each is crossed cheaply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsIT {

    private static final MockKeycloak KEYCLOAK = new MockKeycloak();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private GatewayClient gateway;
    private String police;
    private String nhsNumber;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("childjourney.gateway.limits.submission-kb", () -> "4");
        registry.add("childjourney.gateway.limits.batch-mb", () -> "1");
        registry.add("childjourney.gateway.limits.batch-lines", () -> "5");
        registry.add("childjourney.gateway.limits.concurrent-batches", () -> "1");
        registry.add("childjourney.gateway.limits.batch-wait-seconds", () -> "1");
    }

    @BeforeEach
    void agency() {
        gateway = new GatewayClient(port);
        police = KEYCLOAK.agencySystem("police-east");
        nhsNumber = Submissions.freshNhsNumber();
    }

    @Test
    void aBatchWithMoreLinesThanTheLimitIsRefusedWholeAndStoresNothing() {
        long before = eventCount();

        Answer answer = gateway.submitBatch(police, lines(6));

        assertTooLarge(answer);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(gateway.submitBatch(police, lines(5)).raw().lines())
                .allSatisfy(line -> assertThat(Submissions.parse(line).path("status").asInt()).isEqualTo(201));
        assertThat(eventCount()).isEqualTo(before + 5);
    }

    @Test
    void aBatchSentInChunksIsReadNoFurtherThanItsLimitAndStoresNothing() throws Exception {
        long before = eventCount();
        byte[] line = (Submissions.domesticAbuse("INC-" + uuid(), nhsNumber) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[1536 * 1024];
        for (int at = 0; at < body.length; at += line.length) {
            System.arraycopy(line, 0, body, at, Math.min(line.length, body.length - at));
        }

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(batchUri())
                .header("Authorization", "Bearer " + police).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBatchDeclaringA155MegabyteBodyIsRefusedBeforeAByteOfItIsRead() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/submissions:batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + police
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + 155L * 1024 * 1024
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aLineOverTheSubmissionLimitIsRefusedAndTheOtherLinesAreRecorded() {
        String oversized = Submissions.contact("CT-" + uuid(), nhsNumber)
                .replace("\"category\"", "\"padding\":\"" + "x".repeat(5000) + "\",\"category\"");
        String batch = String.join("\n", Submissions.domesticAbuse("INC-" + uuid(), nhsNumber), oversized,
                Submissions.domesticAbuse("INC-" + uuid(), nhsNumber));

        Answer answer = gateway.submitBatch(police, batch);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().lines().map(Submissions::parse).map(line -> line.path("status").asInt()))
                .containsExactly(201, 413, 201);
    }

    @Test
    void aSubmissionOverTheLimitIsRefusedAndStoresNothing() {
        long before = eventCount();
        String oversized = Submissions.domesticAbuse("INC-" + uuid(), nhsNumber)
                .replace("\"riskLevel\"", "\"padding\":\"" + "x".repeat(5000) + "\",\"riskLevel\"");

        assertTooLarge(gateway.submit(police, oversized));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedOrTooDeeplyNestedJsonIsABadRequestNeverAServerError() {
        String nested = "[".repeat(17) + "]".repeat(17);
        String deepDetails = Submissions.domesticAbuse("INC-" + uuid(), nhsNumber)
                .replace("\"riskLevel\"", "\"deep\":" + nested + ",\"riskLevel\"");

        for (String body : List.of("{not json", "{\"sourceRecordId\":", deepDetails)) {
            Answer answer = gateway.submit(police, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:childjourney:problem:malformed-json");
        }
    }

    @Test
    void aBatchThatFindsNoPlaceInMemoryIsTurnedAwayWithRetryAfter() throws Exception {
        try (Socket first = new Socket("localhost", port)) {
            OutputStream out = first.getOutputStream();
            out.write(("POST /api/v1/submissions:batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + police
                    + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] line = (Submissions.domesticAbuse("INC-" + uuid(), nhsNumber) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(line.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(line);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500);

            HttpResponse<String> second = HttpClient.newHttpClient().send(HttpRequest.newBuilder(batchUri())
                    .header("Authorization", "Bearer " + police).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(lines(1))).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(Submissions.parse(second.body()).path("type").asText())
                    .isEqualTo("urn:childjourney:problem:batches-busy");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 200");
        }
    }

    private void assertTooLarge(Answer answer) {
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:childjourney:problem:too-large");
    }

    private String lines(int count) {
        return IntStream.range(0, count).mapToObj(n -> Submissions.domesticAbuse("INC-" + uuid(), nhsNumber))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private URI batchUri() {
        return URI.create("http://localhost:" + port + "/api/v1/submissions:batch");
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    private static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.childjourney.gateway.GatewayClient.Answer;
import org.childjourney.gateway.GatewayClient;
import org.childjourney.gateway.MockKeycloak;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The first submissions about a new child often arrive together (a Friday-afternoon burst, an incident reported
 * by several agencies at once). However they interleave, they make exactly one journey.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConcurrentFirstSubmissionsScenarios {

    static final MockKeycloak KEYCLOAK = new MockKeycloak();
    private static final List<String> AGENCIES = List.of("police-east", "hospital-north", "school-parkside",
            "csc-county");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
    }

    @RepeatedTest(3)
    void twelveConcurrentFirstSubmissionsFromFourAgenciesMakeExactlyOneJourney() throws Exception {
        GatewayClient gateway = new GatewayClient(port);
        String nhsNumber = Submissions.freshNhsNumber();
        int submissions = 12;
        CyclicBarrier start = new CyclicBarrier(submissions);
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < submissions; i++) {
            String token = KEYCLOAK.agencySystem(AGENCIES.get(i % AGENCIES.size()));
            String body = Submissions.domesticAbuse("FIRST-" + UUID.randomUUID(), nhsNumber);
            calls.add(() -> {
                start.await();
                return gateway.submit(token, body);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(submissions);
        List<Answer> answers = new ArrayList<>();
        try {
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(201));
        List<String> journeys = answers.stream().map(answer -> answer.json().path("journeyId").asText())
                .distinct().toList();
        assertThat(journeys).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(journeys.get(0)).query(Long.class).single()).isEqualTo(submissions);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(journeys.get(0)).query(Long.class).single()).isEqualTo(submissions);
    }
}

package org.childjourney.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.childjourney.gateway.GatewayClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Only an agency system of a registered agency, with a valid token from the journey realm, may submit. Every
 * refusal is problem+json and stores nothing.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

    static final MockKeycloak KEYCLOAK = new MockKeycloak();
    static final String BODY = "{\"sourceRecordId\":\"SEC-1\",\"type\":\"involvement-started\","
            + "\"occurredAt\":\"2026-11-21T09:00:00Z\",\"subject\":{\"nhsNumber\":\"9990000018\"},"
            + "\"details\":{\"role\":\"allocated-social-worker\"}}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static Stream<Arguments> unauthenticated() {
        String valid = KEYCLOAK.agencySystem("police-east");
        String otherClaims = KEYCLOAK.token(MockKeycloak.REALM, "police-east", "csc-county", List.of("agency-system",
                "admin"), 300);
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("not a JWT", "not-a-token"),
                Arguments.of("expired", KEYCLOAK.token(MockKeycloak.REALM, "police-east", "police-east",
                        List.of("agency-system"), -3600)),
                Arguments.of("payload swapped under the signature", MockKeycloak.forged(valid, otherClaims)),
                Arguments.of("issued by another realm", KEYCLOAK.token("elsewhere", "police-east", "police-east",
                        List.of("agency-system"), 300)),
                Arguments.of("alg none", MockKeycloak.unsigned(valid)),
                Arguments.of("issued for the query API, not the gateway", KEYCLOAK.token(MockKeycloak.REALM,
                        "journey-query", "police-east", "police-east", List.of("agency-system"), 300)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticated")
    void aCallerWithoutAValidTokenIsUnauthorised(String why, String token) {
        Answer answer = new GatewayClient(port).submit(token, BODY);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
        assertThat(storedSubmissions()).isZero();
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("a practitioner, not an agency system", KEYCLOAK.token(MockKeycloak.REALM, "journey-web",
                        "csc-county", List.of("practitioner"), 300)),
                Arguments.of("an agency system whose token names no agency", KEYCLOAK.token(MockKeycloak.REALM,
                        "police-east", null, List.of("agency-system"), 300)),
                Arguments.of("an agency system of an unregistered agency", KEYCLOAK.token(MockKeycloak.REALM,
                        "rogue-system", "rogue-agency", List.of("agency-system"), 300)),
                Arguments.of("the monitoring system, which reads metrics only", KEYCLOAK.token(MockKeycloak.REALM,
                        "metrics-scraper", null, List.of("metrics"), 300)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void aCallerWhoMayNotSubmitIsForbidden(String why, String token) {
        Answer answer = new GatewayClient(port).submit(token, BODY);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(storedSubmissions()).isZero();
    }

    @Test
    void metricsAreForAdministratorsAndTheMonitoringSystemOnly() {
        GatewayClient gateway = new GatewayClient(port);
        String admin = KEYCLOAK.token(MockKeycloak.REALM, "journey-web", null, List.of("admin"), 300);
        String scraper = KEYCLOAK.token(MockKeycloak.REALM, "metrics-scraper", null, List.of("metrics"), 300);

        assertThat(gateway.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(gateway.get("/actuator/prometheus", KEYCLOAK.agencySystem("police-east")).status())
                .isEqualTo(403);
        assertThat(gateway.get("/actuator/prometheus", admin).raw()).contains("jvm_memory_used_bytes");
        assertThat(gateway.get("/actuator/prometheus", scraper).raw()).contains("jvm_memory_used_bytes");
        assertThat(gateway.get("/actuator/health", null).status()).as("probes need no token").isEqualTo(200);
    }

    long storedSubmissions() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_submission").query(Long.class).single();
    }
}

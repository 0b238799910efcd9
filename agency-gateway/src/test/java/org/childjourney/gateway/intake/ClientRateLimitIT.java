package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.childjourney.gateway.GatewayClient;
import org.childjourney.gateway.GatewayClient.Answer;
import org.childjourney.gateway.MockKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each agency system has an allowance of requests (here a burst of three, then one every ten seconds): over it, the
 * gateway answers {@code 429} problem+json with {@code Retry-After} and records nothing, while another agency's
 * system goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientRateLimitIT {

    private static final MockKeycloak KEYCLOAK = new MockKeycloak();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:rates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("childjourney.gateway.limits.requests-per-second", () -> "0.1");
        registry.add("childjourney.gateway.limits.request-burst", () -> "3");
    }

    @Test
    void aClientOverItsAllowanceIsToldToWaitAndNothingIsRecorded() {
        GatewayClient gateway = new GatewayClient(port);
        String police = KEYCLOAK.agencySystem("police-east");
        String nhsNumber = Submissions.freshNhsNumber();
        for (int i = 0; i < 3; i++) {
            Answer admitted = gateway.submit(police, Submissions.domesticAbuse("INC-" + UUID.randomUUID(), nhsNumber));
            assertThat(admitted.status()).as(admitted.raw()).isEqualTo(201);
        }
        long before = events();

        Answer refused = gateway.submit(police, Submissions.domesticAbuse("INC-" + UUID.randomUUID(), nhsNumber));
        Answer another = gateway.submit(KEYCLOAK.agencySystem("hospital-north"),
                Submissions.aeAttendance("AE-" + UUID.randomUUID(), nhsNumber));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 10L));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(another.status()).as("another client's allowance is its own").isEqualTo(201);
        assertThat(events()).isEqualTo(before + 1);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }
}

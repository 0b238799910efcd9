package org.childjourney.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.childjourney.query.QueryClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each caller has an allowance of requests (here a burst of three, then one every ten seconds): over it, the query
 * API answers {@code 429} problem+json with {@code Retry-After} before anything is read or recorded, while another
 * caller goes on.
 */
class ClientRateLimitIT extends QueryApiIT {

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void allowance(DynamicPropertyRegistry registry) {
        registry.add("childjourney.query.requests-per-second", () -> "0.1");
        registry.add("childjourney.query.request-burst", () -> "3");
    }

    @Test
    void aCallerOverTheirAllowanceIsToldToWaitAndNothingIsReadOrRecorded() {
        QueryClient query = new QueryClient(port);
        String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
        String path = "/api/v1/journeys/" + UUID.randomUUID() + "/timeline";
        for (int i = 0; i < 3; i++) {
            assertThat(query.get(path, tom, "early-help").status()).isEqualTo(403);
        }
        long before = stored();

        Answer refused = query.get(path, tom, "early-help");
        Answer another = query.get(path, TOKENS.user("dsl.dan", "school-parkside", "practitioner"), "early-help");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 10L));
        assertThat(refused.json().path("type").asText()).endsWith("too-many-requests");
        assertThat(another.status()).as("another caller's allowance is their own").isEqualTo(403);
        assertThat(stored()).as("only the other caller's refusal is recorded").isEqualTo(before + 1);
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }
}

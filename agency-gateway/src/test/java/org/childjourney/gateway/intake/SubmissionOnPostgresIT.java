package org.childjourney.gateway.intake;

import org.childjourney.gateway.PostgresDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The submission scenarios on PostgreSQL, the production event store: a fresh database for this class. */
@ExtendWith(PostgresDatabases.class)
class SubmissionOnPostgresIT extends SubmissionScenarios {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        issuer(registry);
        String url = PostgresDatabases.fresh("gateway");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresDatabases::user);
    }
}

package org.childjourney.gateway.intake;

import org.childjourney.core.PostgresDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent first submissions on PostgreSQL. */
@ExtendWith(PostgresDatabases.class)
class ConcurrentFirstSubmissionsOnPostgresIT extends ConcurrentFirstSubmissionsScenarios {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        issuer(registry);
        String url = PostgresDatabases.fresh("burst");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresDatabases::user);
    }
}

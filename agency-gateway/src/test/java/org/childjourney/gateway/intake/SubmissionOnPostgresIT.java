package org.childjourney.gateway.intake;

import org.childjourney.core.PostgresDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The submission scenarios on PostgreSQL, the production event store, as production runs them: a fresh database
 * for this class, migrated by its owner, and the gateway connected as the service role, with only what the
 * migrations grant it.
 */
@ExtendWith(PostgresDatabases.class)
class SubmissionOnPostgresIT extends SubmissionScenarios {

    private static String url;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        issuer(registry);
        url = PostgresDatabases.fresh("gateway");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.flyway.user", PostgresDatabases::user);
        registry.add("spring.flyway.password", () -> "");
        registry.add("spring.datasource.username", PostgresDatabases::serviceRole);
    }

    @Override
    long sessionsWaitingToTakeASubmission() {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")
                .query(Long.class).single();
    }

    /** The schema's owner: the service role may not delete the ledger's note of a migration. */
    @Override
    JdbcClient owner() {
        return JdbcClient.create(new DriverManagerDataSource(url, PostgresDatabases.user(), ""));
    }
}

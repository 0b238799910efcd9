package org.childjourney.gateway.intake;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The submission scenarios on the embedded default: an H2 event store, fresh for this class. Its lock timeout is ten
 * seconds rather than H2's two, as PostgreSQL's is unbounded, so that a scenario may hold a child's lock for seconds.
 */
class SubmissionOnH2IT extends SubmissionScenarios {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        issuer(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:gateway-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }
}

package org.childjourney.gateway.intake;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent first submissions on the embedded H2 event store. */
class ConcurrentFirstSubmissionsOnH2IT extends ConcurrentFirstSubmissionsScenarios {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        issuer(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:burst-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}

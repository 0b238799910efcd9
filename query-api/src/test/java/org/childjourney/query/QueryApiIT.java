package org.childjourney.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query API on its embedded defaults, as every {@code *IT} here runs it: a random port, tokens from a mock
 * journey realm, a fresh in-memory H2 event store per test class and in-process read models.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
public abstract class QueryApiIT {

    protected static final Tokens TOKENS = new Tokens();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;

    /**
     * Whatever a test did, the query API's output (its logs) holds no test child's NHS number (every fixture's is in
     * the 999 range), name or agency free text.
     */
    @AfterEach
    void nothingOfTheChildReachedTheLogs(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContainPattern("\\b999\\d{7}\\b")
                .doesNotContain(JourneyStories.PERSONAL_DATA);
    }

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:query-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}

package org.childjourney.query;

import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
public abstract class QueryApiIT {

    protected static final Tokens TOKENS = new Tokens();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:query-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}

package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.childjourney.gateway.GatewayClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Concurrent first submissions on the embedded H2 event store. */
class ConcurrentFirstSubmissionsOnH2IT extends ConcurrentFirstSubmissionsScenarios {

    @Autowired
    TransactionTemplate transaction;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        issuer(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:burst-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * A submission whose transaction rolled back after Axon had cached its journey leaves the cache ahead of the
     * store until the cache forgets it; a submission that waited on its lock can come in meanwhile. It finds the
     * store without the cached journey's latest event and loads the journey again, so that its entry takes the next
     * sequence number the store has, not one beyond a gap. (On H2 only: the test takes that event out of the store,
     * as the rollback did, which PostgreSQL's append-only grants would refuse.)
     */
    @Test
    void aCachedJourneyAheadOfTheStoreIsLoadedAgainFromTheStore() {
        String nhsNumber = Submissions.freshNhsNumber();
        String journeyId = policeNotification(nhsNumber).json().path("journeyId").asText();
        policeNotification(nhsNumber);
        transaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = 1").param(journeyId).update());

        Answer next = policeNotification(nhsNumber);

        assertThat(next.status()).as(next.raw()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " ORDER BY sequenceNumber").param(journeyId).query(Long.class).list()).containsExactly(0L, 1L);
    }
}

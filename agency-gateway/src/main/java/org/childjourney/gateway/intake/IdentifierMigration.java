package org.childjourney.gateway.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.person.IdentifierDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes which journey each identifier belongs to from the event store, once, when the way identifiers are
 * digested changes: {@link #SCHEME} scopes a local id to its system's owner, where earlier gateways digested the
 * system and value alone. Every entry's identifiers are claimed in the order the store recorded the entries, so the
 * first journey to carry an identifier keeps it, as at intake. Runs before the gateway takes a submission, in one
 * transaction with the row that records it ({@code intake_migration}); a second gateway starting at the same time
 * finds the row and leaves the first one's work alone.
 */
@Component
class IdentifierMigration implements SmartInitializingSingleton {

    /** The digest scheme the ledger's identifier rows follow once this has run. */
    static final String SCHEME = "identifier-digests-2: local ids scoped to their system's owner";

    private static final Logger log = LoggerFactory.getLogger(IdentifierMigration.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventStorageEngine events;
    private final IdentifierDigests identifiers;
    private final IntakeLedger ledger;

    IdentifierMigration(JdbcClient jdbc, TransactionTemplate transaction, EventStorageEngine events,
            IdentifierDigests identifiers, IntakeLedger ledger) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.identifiers = identifiers;
        this.ledger = ledger;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            transaction.executeWithoutResult(status -> migrate());
        } catch (DuplicateKeyException anotherGatewayMigrated) {
            log.info("identifier digests were recomputed by another gateway starting at the same time");
        }
    }

    private void migrate() {
        boolean done = jdbc.sql("SELECT COUNT(*) FROM intake_migration WHERE name = ?").param(SCHEME)
                .query(Long.class).single() > 0;
        if (done) {
            return;
        }
        Map<String, ChildJourneyId> claims = new LinkedHashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            stored.forEach(event -> {
                if (event.getPayload() instanceof JourneyEntry entry) {
                    identifiers.of(entry.provenance().agency(), entry.subject())
                            .forEach(digest -> claims.putIfAbsent(digest, entry.journeyId()));
                }
            });
        }
        int before = jdbc.sql("DELETE FROM journey_identifier").update();
        claims.forEach(ledger::claim);
        jdbc.sql("INSERT INTO intake_migration (name) VALUES (?)").param(SCHEME).update();
        log.info("identifier digests recomputed from the event store: {} rows replaced by {}", before,
                claims.size());
    }
}

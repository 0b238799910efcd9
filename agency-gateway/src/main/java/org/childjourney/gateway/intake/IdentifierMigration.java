package org.childjourney.gateway.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.person.IdentifierDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes from the event store, once each, what the ledger keeps about children when the way it keeps it changes:
 * which journey each identifier belongs to ({@link #SCHEME} scopes a local id to its system's owner, where earlier
 * gateways digested the system and value alone), and each journey's demographic features ({@link #FEATURES}, first
 * kept by this version). Every gateway should run this version before the first of them starts on it: submissions
 * taken meanwhile by an earlier version keep no features. Every entry's identifiers are claimed in the order the store recorded the entries, so the
 * first journey to carry an identifier keeps it, as at intake. Runs before the gateway takes a submission, in one
 * transaction with the row that records it ({@code intake_migration}); a second gateway starting at the same time
 * finds the row and leaves the first one's work alone.
 */
@Component
class IdentifierMigration implements SmartInitializingSingleton {

    /** The digest scheme the ledger's identifier rows follow once this has run. */
    static final String SCHEME = "identifier-digests-2: local ids scoped to their system's owner";
    /** The way the ledger keeps demographic features once this has run. */
    static final String FEATURES = "journey-features-1: demographic features as keyed digests";

    private static final Logger log = LoggerFactory.getLogger(IdentifierMigration.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventStorageEngine events;
    private final IdentifierDigests identifiers;
    private final IntakeLedger ledger;
    private final DemographicMatching matching;

    IdentifierMigration(JdbcClient jdbc, TransactionTemplate transaction, EventStorageEngine events,
            IdentifierDigests identifiers, IntakeLedger ledger, DemographicMatching matching) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.identifiers = identifiers;
        this.ledger = ledger;
        this.matching = matching;
    }

    @Override
    public void afterSingletonsInstantiated() {
        once(SCHEME, this::recomputeIdentifiers);
        once(FEATURES, this::recomputeFeatures);
    }

    /** Runs a step of the migration unless the ledger records it done, and records it, in one transaction. */
    private void once(String name, Runnable step) {
        try {
            transaction.executeWithoutResult(status -> {
                boolean done = jdbc.sql("SELECT COUNT(*) FROM intake_migration WHERE name = ?").param(name)
                        .query(Long.class).single() > 0;
                if (!done) {
                    // The note first: a second gateway starting now waits on it, then finds it, and leaves the step.
                    jdbc.sql("INSERT INTO intake_migration (name) VALUES (?)").param(name).update();
                    step.run();
                }
            });
        } catch (DuplicateKeyException anotherGatewayMigrated) {
            log.info("the ledger was migrated by another gateway starting at the same time");
        }
    }

    /**
     * Every journey's demographic features, from its entries' subjects, kept as intake keeps them
     * ({@link DemographicMatching#recompute}): journeys recorded before features were kept are found by demographics
     * too. Memory stays bounded whatever the store's size: a query for each journey's description, nothing held.
     */
    private void recomputeFeatures() {
        int before = jdbc.sql("DELETE FROM journey_feature").update();
        matching.forgetKept();
        long[] entries = {0};
        List<UUID> erased = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            stored.forEach(event -> {
                if (event.getPayload() instanceof JourneyEntry entry) {
                    matching.recompute(entry.journeyId(), matching.of(entry.subject()));
                    entries[0]++;
                } else if (event.getPayload() instanceof JourneyErased erasure) {
                    erased.add(erasure.journeyId().value());
                }
            });
        }
        // An erased journey keeps no description (docs/erasure.md), whatever its events still say.
        for (UUID journey : erased) {
            jdbc.sql("DELETE FROM journey_feature WHERE journey_id = ?").param(journey).update();
        }
        log.info("demographic features recomputed from the event store: {} entries looked at, {} rows replaced",
                entries[0], before);
    }

    private void recomputeIdentifiers() {
        Map<String, Set<ChildJourneyId>> claimants = new LinkedHashMap<>();
        Set<ChildJourneyId> erased = new HashSet<>();
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            stored.forEach(event -> {
                if (event.getPayload() instanceof JourneyEntry entry) {
                    identifiers.of(entry.provenance().agency(), entry.subject()).forEach(digest -> claimants
                            .computeIfAbsent(digest, first -> new LinkedHashSet<>(2)).add(entry.journeyId()));
                } else if (event.getPayload() instanceof JourneyErased erasure) {
                    erased.add(erasure.journeyId());
                }
            });
        }
        // The first journey to carry an identifier claims it, unless it was erased (docs/erasure.md).
        Map<String, ChildJourneyId> claims = new LinkedHashMap<>();
        claimants.forEach((digest, journeys) -> journeys.stream().filter(journey -> !erased.contains(journey))
                .findFirst().ifPresent(journey -> claims.put(digest, journey)));
        int before = jdbc.sql("DELETE FROM journey_identifier").update();
        claims.forEach(ledger::claim);
        log.info("identifier digests recomputed from the event store: {} rows replaced by {}", before,
                claims.size());
    }
}

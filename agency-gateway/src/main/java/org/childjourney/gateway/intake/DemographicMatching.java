package org.childjourney.gateway.intake;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.matching.ChildFeatures;
import org.childjourney.core.matching.Feature;
import org.childjourney.core.matching.Likeness;
import org.childjourney.core.matching.Matching;
import org.childjourney.core.person.KeyedDigest;
import org.childjourney.core.person.Subject;
import org.childjourney.gateway.config.GatewayProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the journey of a child whose identifiers matched none, by demographics, in the ledger's feature table
 * ({@code journey_feature}, keyed digests only). The blocking keys are locked first ({@code match_block}), so that
 * two such submissions about one new child queue. The candidates are the journeys sharing a blocking key, each
 * description a journey keeps compared whole ({@link ChildFeatures#likeness}), the most alike description of each
 * counting. The child is a journey's as {@link Matching#decide} says: the most alike, if the same child and no other
 * as alike is too (two namesakes born the same day fit equally, and are the hub's to tell apart); any doubt is the
 * hub's. A journey keeps a
 * submission's description only where it does not contradict those it has, so that an entry sent with the wrong
 * identifier cannot make its journey match another child.
 */
@Component
class DemographicMatching {

    /** The most candidates compared for one child: a blocking key shared by more is too common to tell by. */
    static final int MOST_CANDIDATES = 200;

    /** How many descriptions kept on journeys are remembered, so that a child's next submission looks up nothing. */
    private static final int REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final KeyedDigest digest;
    private final Set<String> recentlyKept = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    DemographicMatching(JdbcClient jdbc, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.digest = new KeyedDigest(properties.digestKeyBytes());
    }

    /** A journey like the child, and how alike its most alike description is. */
    record Candidate(ChildJourneyId journeyId, Likeness likeness) {
    }

    /**
     * What demographics say of a child.
     *
     * @param sameChild the journey that is the child's, if one is
     * @param doubt     otherwise the journey most like the child, for the hub, if any is alike enough
     */
    record Match(@Nullable ChildJourneyId sameChild, @Nullable Candidate doubt) {
    }

    /** The child's features, digested under the deployment's key. */
    ChildFeatures of(Subject subject) {
        return ChildFeatures.of(subject, digest);
    }

    /** Locks the child's blocking keys, then compares the candidates that share one. */
    Match match(ChildFeatures child) {
        List<String> keys = child.blockingKeys().stream().sorted().distinct().toList();
        if (keys.isEmpty()) {
            return new Match(null, null);
        }
        lock(keys);
        // Those sharing the most keys first: a common name's block may hold more than are compared.
        List<UUID> candidates = jdbc.sql("SELECT journey_id FROM journey_feature WHERE digest IN (:keys)"
                        + " GROUP BY journey_id ORDER BY COUNT(*) DESC FETCH FIRST " + MOST_CANDIDATES + " ROWS ONLY")
                .param("keys", keys)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        Map<ChildJourneyId, Likeness> alike = new HashMap<>();
        descriptions(candidates).forEach((journey, descriptions) -> descriptions.values().stream()
                .map(child::likeness)
                .max(Comparator.comparingDouble(Likeness::score))
                .ifPresent(likeness -> alike.put(new ChildJourneyId(journey), likeness)));
        Matching.Outcome<ChildJourneyId> outcome = Matching.decide(alike, Comparator.comparing(ChildJourneyId::value));
        return new Match(outcome.sameChild(), outcome.doubt() == null ? null
                : new Candidate(outcome.doubt(), Objects.requireNonNull(outcome.likeness())));
    }

    /**
     * Keeps the child's description on the journey, unless the journey already keeps it, or keeps descriptions and
     * none of them is even possibly this child (an entry sent with another child's identifier). A description without
     * demographics (an NHS number alone) is not kept: it finds nothing. The last descriptions kept are remembered,
     * so that a child's next submission with the same description costs no query.
     */
    void keep(ChildJourneyId journeyId, ChildFeatures child) {
        if (!child.hasDemographics()) {
            return;
        }
        String description = child.description(digest);
        String known = journeyId + "/" + description;
        if (recentlyKept.contains(known) || !store(journeyId, child, description)) {
            return;
        }
        // Remembered once committed: a description a rolled-back transaction wrote is not on the journey.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recentlyKept.add(known);
            }
        });
    }

    /**
     * Keeps the child's description on the journey as {@link #keep} does, remembering nothing: for the recomputation
     * of every journey's features, in one transaction, whose memory must not grow with the store.
     */
    void recompute(ChildJourneyId journeyId, ChildFeatures child) {
        if (child.hasDemographics()) {
            store(journeyId, child, child.description(digest));
        }
    }

    /** Stores the description unless it contradicts the journey's; whether the journey now keeps it. */
    private boolean store(ChildJourneyId journeyId, ChildFeatures child, String description) {
        Map<String, Map<Feature, Set<String>>> kept = descriptions(List.of(journeyId.value()))
                .getOrDefault(journeyId.value(), Map.of());
        boolean contradicts = !kept.isEmpty() && kept.values().stream()
                .allMatch(other -> child.likeness(other).verdict() == Likeness.Verdict.DIFFERENT_CHILD);
        if (contradicts) {
            return false;
        }
        if (!kept.containsKey(description)) {
            child.kept().forEach((feature, value) -> jdbc.sql("INSERT INTO journey_feature (journey_id, description,"
                            + " kind, digest) VALUES (?, ?, ?, ?)")
                    .params(journeyId.value(), description, feature.name(), value)
                    .update());
        }
        return true;
    }

    /** Forgets which descriptions were kept, when every journey's are recomputed. */
    void forgetKept() {
        recentlyKept.clear();
    }

    /** Each journey's descriptions, by their digest, each as its features. */
    private Map<UUID, Map<String, Map<Feature, Set<String>>>> descriptions(List<UUID> journeys) {
        Map<UUID, Map<String, Map<Feature, Set<String>>>> byJourney = new HashMap<>();
        if (!journeys.isEmpty()) {
            jdbc.sql("SELECT journey_id, description, kind, digest FROM journey_feature WHERE journey_id IN (:journeys)")
                    .param("journeys", journeys)
                    .query(rs -> {
                        byJourney.computeIfAbsent(rs.getObject(1, UUID.class), journey -> new HashMap<>())
                                .computeIfAbsent(rs.getString(2).trim(), any -> new EnumMap<>(Feature.class))
                                .computeIfAbsent(Feature.valueOf(rs.getString(3)), kind -> new HashSet<>())
                                .add(rs.getString(4).trim());
                    });
        }
        return byJourney;
    }

    /** Takes the blocking keys' row locks, in one order, for the rest of the transaction. */
    private void lock(List<String> keys) {
        for (String key : keys) {
            jdbc.sql("INSERT INTO match_block (digest) SELECT ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM match_block WHERE digest = ?)")
                    .params(key, key)
                    .update();
        }
        jdbc.sql("SELECT digest FROM match_block WHERE digest IN (:keys) ORDER BY digest FOR UPDATE")
                .param("keys", keys)
                .query((rs, row) -> rs.getString(1))
                .list();
    }
}

package org.childjourney.gateway.intake;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.matching.ChildFeatures;
import org.childjourney.core.matching.Feature;
import org.childjourney.core.matching.Likeness;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the journey of a child whose identifiers matched none, by demographics, in the ledger's feature table
 * ({@code journey_feature}, keyed digests only): the journeys sharing a blocking key with the child are the
 * candidates, each compared by every feature it keeps ({@link ChildFeatures#likeness}), the most alike wins. Every
 * submission's features are kept on the journey it was placed on, in its transaction.
 */
@Component
class DemographicMatching {

    /** The most candidates compared for one child: a blocking key shared by more is too common to tell by. */
    static final int MOST_CANDIDATES = 200;

    private final JdbcClient jdbc;

    DemographicMatching(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A journey like the child, and how alike. */
    record Candidate(ChildJourneyId journeyId, Likeness likeness) {
    }

    /** The journey most like the child, unless none is alike enough to be the same child or a possible one. */
    Optional<Candidate> mostAlike(ChildFeatures child) {
        List<String> keys = child.blockingKeys();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        // Those sharing the most keys first: a common name's block may hold more than are compared.
        List<UUID> candidates = jdbc.sql("SELECT journey_id FROM journey_feature WHERE digest IN (:keys)"
                        + " GROUP BY journey_id ORDER BY COUNT(*) DESC FETCH FIRST " + MOST_CANDIDATES + " ROWS ONLY")
                .param("keys", keys)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Map<Feature, Set<String>>> kept = new HashMap<>();
        jdbc.sql("SELECT journey_id, kind, digest FROM journey_feature WHERE journey_id IN (:journeys)")
                .param("journeys", candidates)
                .query(rs -> {
                    kept.computeIfAbsent(rs.getObject(1, UUID.class), journey -> new EnumMap<>(Feature.class))
                            .computeIfAbsent(Feature.valueOf(rs.getString(2)), kind -> new HashSet<>())
                            .add(rs.getString(3).trim());
                });
        return kept.entrySet().stream()
                .map(journey -> new Candidate(new ChildJourneyId(journey.getKey()),
                        child.likeness(journey.getValue())))
                .filter(candidate -> candidate.likeness().verdict() != Likeness.Verdict.DIFFERENT_CHILD)
                .max(Comparator.comparingDouble(candidate -> candidate.likeness().score()));
    }

    /** Keeps on the journey whatever features of the child it did not keep yet. */
    void keep(ChildJourneyId journeyId, ChildFeatures child) {
        Map<Feature, String> features = child.kept();
        if (features.isEmpty()) {
            return;
        }
        Set<String> kept = new HashSet<>(jdbc.sql("SELECT kind, digest FROM journey_feature WHERE journey_id = ?")
                .param(journeyId.value())
                .query((rs, row) -> rs.getString(1) + "/" + rs.getString(2).trim())
                .list());
        features.forEach((feature, digest) -> {
            if (!kept.contains(feature.name() + "/" + digest)) {
                jdbc.sql("INSERT INTO journey_feature (journey_id, kind, digest) VALUES (?, ?, ?)")
                        .params(journeyId.value(), feature.name(), digest)
                        .update();
            }
        });
    }
}

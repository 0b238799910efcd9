package org.childjourney.query.search;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.query.readmodel.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Fills the identifier lookup from the event store, once, when the way identifiers are digested changes: {@link
 * #SCHEME} scopes a local id to its system's owner, where earlier versions digested the system and value alone and
 * kept the lookup in {@code journey_lookup}. Runs before the projections start and before the API answers, so that
 * it never races the projection, which then goes on from its token; the old collection is dropped and the scheme
 * recorded in {@code read_model_schemes}. Adding to a set makes running it again harmless.
 */
@Component
class IdentifierLookupBackfill implements SmartInitializingSingleton {

    static final String SCHEME = "identifier-digests-2: local ids scoped to their system's owner";
    static final String SCHEMES = "read_model_schemes";
    static final String OLD_COLLECTION = "journey_lookup";
    private static final int WRITES_PER_COMMAND = 1_000;

    private static final Logger log = LoggerFactory.getLogger(IdentifierLookupBackfill.class);

    private final MongoDatabase readModels;
    private final ReadModels live;
    private final EventStorageEngine events;
    private final IdentifierDigests digests;

    IdentifierLookupBackfill(MongoDatabase readModels, ReadModels live, EventStorageEngine events,
            IdentifierDigests digests) {
        this.readModels = readModels;
        this.live = live;
        this.events = events;
        this.digests = digests;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MongoCollection<Document> schemes = readModels.getCollection(SCHEMES);
        Document recorded = schemes.find(eq("_id", JourneyLookupProjection.COLLECTION)).first();
        if (recorded != null && SCHEME.equals(recorded.getString("scheme"))) {
            return;
        }
        Map<String, Set<String>> journeysByDigest = new LinkedHashMap<>();
        Set<String> erased = new HashSet<>();
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            stored.forEach(event -> {
                if (event.getPayload() instanceof JourneyEntry entry) {
                    digests.of(entry.provenance().agency(), entry.subject()).forEach(digest -> journeysByDigest
                            .computeIfAbsent(digest, key -> new LinkedHashSet<>()).add(entry.journeyId().toString()));
                } else if (event.getPayload() instanceof JourneyErased erasure) {
                    erased.add(erasure.journeyId().toString());
                }
            });
        }
        // An erased journey is found by none of its identifiers (docs/erasure.md), whatever its events still say.
        journeysByDigest.values().forEach(journeys -> journeys.removeAll(erased));
        journeysByDigest.values().removeIf(Set::isEmpty);
        MongoCollection<Document> lookup = live.collection(JourneyLookupProjection.COLLECTION);
        List<WriteModel<Document>> writes = new ArrayList<>();
        journeysByDigest.forEach((digest, journeys) -> {
            writes.add(new UpdateOneModel<>(eq("_id", digest),
                    Updates.addEachToSet("journeyIds", List.copyOf(journeys)), new UpdateOptions().upsert(true)));
            if (writes.size() == WRITES_PER_COMMAND) {
                lookup.bulkWrite(writes);
                writes.clear();
            }
        });
        if (!writes.isEmpty()) {
            lookup.bulkWrite(writes);
        }
        // Only if there is one: the embedded store logs a failed drop of a collection it does not hold as an error.
        if (readModels.listCollectionNames().into(new ArrayList<>()).contains(OLD_COLLECTION)) {
            readModels.getCollection(OLD_COLLECTION).drop();
        }
        schemes.replaceOne(eq("_id", JourneyLookupProjection.COLLECTION),
                new Document("_id", JourneyLookupProjection.COLLECTION).append("scheme", SCHEME),
                new ReplaceOptions().upsert(true));
        log.info("identifier lookup filled from the event store: {} identifiers", journeysByDigest.size());
    }
}

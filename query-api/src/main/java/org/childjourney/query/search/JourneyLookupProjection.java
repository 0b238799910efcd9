package org.childjourney.query.search;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.addToSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.person.KeyedDigest;
import org.springframework.stereotype.Component;

/**
 * Projects the identifiers agencies sent with each entry into collection {@code journey_lookup} (processing group
 * {@code journey-lookup}): one document per identifier, keyed by its keyed digest, listing the journeys that
 * carry it. No identifier is stored. Adding to a set makes redelivery harmless.
 */
@Component
@ProcessingGroup("journey-lookup")
class JourneyLookupProjection {

    static final String COLLECTION = "journey_lookup";

    private final MongoCollection<Document> lookup;
    private final KeyedDigest digest;

    JourneyLookupProjection(MongoDatabase readModels, KeyedDigest digest) {
        this.lookup = readModels.getCollection(COLLECTION);
        this.digest = digest;
    }

    @EventHandler
    void on(JourneyEntry event) {
        List<String> digests = new ArrayList<>();
        Optional.ofNullable(event.subject().nhsNumber()).map(digest::of).ifPresent(digests::add);
        Optional.ofNullable(event.subject().localId()).map(digest::of).ifPresent(digests::add);
        for (String key : digests) {
            lookup.updateOne(eq("_id", key), addToSet("journeyIds", event.journeyId().toString()),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The journeys carrying the identifier with this digest. */
    List<ChildJourneyId> journeys(String identifierDigest) {
        Document found = lookup.find(eq("_id", identifierDigest)).first();
        return found == null ? List.of()
                : found.getList("journeyIds", String.class).stream().map(ChildJourneyId::of).toList();
    }
}

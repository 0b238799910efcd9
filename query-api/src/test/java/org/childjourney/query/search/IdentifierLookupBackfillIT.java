package org.childjourney.query.search;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The identifier lookup of an earlier digest scheme (local ids digested without their system's owner, in
 * {@code journey_lookup}) is replaced by one filled from the event store when the query API starts: searches by NHS
 * number and by local id find the child again, and the old collection is gone.
 */
class IdentifierLookupBackfillIT extends QueryApiIT {

    @Autowired
    IdentifierLookupBackfill backfill;
    @Autowired
    MongoDatabase readModels;

    @Test
    void fillsTheLookupFromTheEventsAndDropsTheEarlierOne() {
        String nhsNumber = FictionalNhsNumbers.next();
        JourneyStories story = new JourneyStories(eventStore, nhsNumber);
        story.domesticAbuse("2026-11-20T21:14:00Z");
        QueryClient query = new QueryClient(port);
        String ann = TOKENS.user("auditor.ann", null, "auditor");
        await().atMost(Duration.ofSeconds(15)).until(() -> found(query, ann, "{\"nhsNumber\":\"" + nhsNumber + "\"}")
                .contains(story.journeyId().toString()));
        readModels.getCollection(JourneyLookupProjection.COLLECTION).drop();
        readModels.getCollection(IdentifierLookupBackfill.OLD_COLLECTION)
                .insertOne(new Document("_id", "an-earlier-digest").append("journeyIds", List.of("x")));
        readModels.getCollection(IdentifierLookupBackfill.SCHEMES).deleteMany(new Document());
        assertThat(found(query, ann, "{\"nhsNumber\":\"" + nhsNumber + "\"}")).isEmpty();

        backfill.afterSingletonsInstantiated();

        assertThat(found(query, ann, "{\"nhsNumber\":\"" + nhsNumber + "\"}"))
                .containsExactly(story.journeyId().toString());
        assertThat(found(query, ann, "{\"system\":\"police-east/person\",\"value\":\"P-" + nhsNumber + "\"}"))
                .containsExactly(story.journeyId().toString());
        assertThat(readModels.listCollectionNames().into(new ArrayList<>()))
                .doesNotContain(IdentifierLookupBackfill.OLD_COLLECTION);
        assertThat(readModels.getCollection(IdentifierLookupBackfill.SCHEMES)
                .find(eq("_id", JourneyLookupProjection.COLLECTION)).first().getString("scheme"))
                .isEqualTo(IdentifierLookupBackfill.SCHEME);
        assertThat(query.post("/api/v1/journeys:search", ann, Map.of("X-Purpose", "case-review"),
                "{\"system\":\"police-west/person\",\"value\":\"P-1\"}").status())
                .as("a system nobody registered").isEqualTo(400);
    }

    private static List<String> found(QueryClient query, String token, String body) {
        return query.post("/api/v1/journeys:search", token, Map.of("X-Purpose", "case-review"), body).json()
                .path("journeys").findValuesAsText("journeyId");
    }
}

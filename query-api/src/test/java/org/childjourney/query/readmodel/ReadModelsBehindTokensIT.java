package org.childjourney.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import org.bson.Document;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read store that lost its documents while the processors' tokens (in the event store's database) stayed ahead of
 * them, as an in-memory store does across a restart: at start the query API finds no marker in the read store but
 * tokens for its processors, and replays them from the start, so that the timeline comes back whole.
 */
class ReadModelsBehindTokensIT extends QueryApiIT {

    @Autowired
    ReadModelsBehindTokens guard;
    @Autowired
    MongoDatabase readModels;

    @Test
    void aReadStoreThatLostItsDocumentsIsFilledAgainFromTheStart() {
        QueryClient query = new QueryClient(port);
        String ann = TOKENS.user("auditor.ann", null, "auditor");
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.aeAttendance("2026-11-18T10:00:00Z");
        String path = "/api/v1/journeys/" + story.journeyId() + "/timeline";
        await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path, ann, "case-review").json()
                .path("entries").size() == 2);

        readModels.getCollection("timelines").drop();
        readModels.getCollection(ReadModelsBehindTokens.SCHEMES).deleteMany(new Document());
        assertThat(query.get(path, ann, "case-review").json().path("entries")).as("the documents are gone").isEmpty();

        guard.afterSingletonsInstantiated();
        guard.replayWhereBehind().join();

        await().atMost(Duration.ofSeconds(30)).until(() -> query.get(path, ann, "case-review").json()
                .path("entries").size() == 2);
        assertThat(readModels.getCollection(ReadModelsBehindTokens.SCHEMES)
                .find(new Document("_id", ReadModelsBehindTokens.MARKER)).first()).isNotNull();
    }
}

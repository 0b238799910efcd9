package org.childjourney.query.timeline;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.springframework.stereotype.Repository;

/** Timeline documents, always fetched and written by journey id. */
@Repository
class TimelineStore implements NonDisclosures {

    private final MongoCollection<Document> timelines;

    TimelineStore(MongoDatabase readModels) {
        this.timelines = readModels.getCollection(TimelineDocument.COLLECTION);
    }

    Optional<TimelineDocument> find(ChildJourneyId journeyId) {
        return Optional.ofNullable(timelines.find(eq("_id", journeyId.toString())).first())
                .map(TimelineDocument::of);
    }

    MongoCollection<Document> timelines() {
        return timelines;
    }

    @Override
    public List<DecisionNotToShare> recordedOn(ChildJourneyId journeyId) {
        return find(journeyId).map(TimelineDocument::nonDisclosures).orElseGet(List::of).stream()
                .map(decision -> new DecisionNotToShare(Instant.parse(decision.getString("at")),
                        decision.getString("by"), decision.getString("agency"), decision.getString("toAgency"),
                        decision.getList("entryIds", String.class), decision.getString("reason")))
                .toList();
    }
}

package org.childjourney.query.timeline;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.ChildJourneyId;
import org.springframework.stereotype.Repository;

/** Timeline documents, always fetched and written by journey id. */
@Repository
class TimelineStore implements JourneyFactsSource {

    private final MongoCollection<Document> timelines;

    TimelineStore(MongoDatabase readModels) {
        this.timelines = readModels.getCollection(TimelineDocument.COLLECTION);
    }

    Optional<TimelineDocument> find(ChildJourneyId journeyId) {
        return Optional.ofNullable(timelines.find(eq("_id", journeyId.toString())).first())
                .map(TimelineDocument::of);
    }

    void save(TimelineDocument timeline) {
        timelines.replaceOne(eq("_id", timeline.journeyId()), timeline.bson(), new ReplaceOptions().upsert(true));
    }

    @Override
    public JourneyFacts factsOf(ChildJourneyId journeyId) {
        return find(journeyId).map(TimelineDocument::facts).orElseGet(JourneyFacts::unknown);
    }

    @Override
    public List<DecisionNotToShare> nonDisclosures(ChildJourneyId journeyId) {
        return find(journeyId).map(TimelineDocument::nonDisclosures).orElseGet(List::of).stream()
                .map(decision -> new DecisionNotToShare(Instant.parse(decision.getString("at")),
                        decision.getString("by"), decision.getString("agency"), decision.getString("toAgency"),
                        decision.getList("entryIds", String.class), decision.getString("reason")))
                .toList();
    }
}

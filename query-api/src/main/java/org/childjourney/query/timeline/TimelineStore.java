package org.childjourney.query.timeline;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.readmodel.PagedItems;
import org.childjourney.query.readmodel.ReadModels;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Timeline heads and their pages, always fetched and written by id, in the generation of its read models. */
@Repository
class TimelineStore implements NonDisclosures {

    private final ReadModels readModels;

    TimelineStore(ReadModels readModels) {
        this.readModels = readModels;
    }

    /**
     * The timelines of the journeys (a journey and those linked to it) as the read model holds them, read as one:
     * their records together, as of the earliest of theirs; empty, as of nothing, for journeys it does not hold yet.
     */
    Stored read(List<ChildJourneyId> journeyIds) {
        // One generation for the whole read, even if a rebuild switches meanwhile.
        ReadModels now = readModels.at(readModels.generation());
        List<Document> records = new ArrayList<>();
        String asOf = null;
        for (ChildJourneyId journeyId : journeyIds) {
            Document head = now.collection(TimelineDocument.COLLECTION).find(eq("_id", journeyId.toString())).first();
            if (head != null) {
                records.addAll(PagedItems.all(head, now.collection(TimelineDocument.PAGES)));
                String headAsOf = TimelineDocument.of(head).asOf();
                if (asOf == null || headAsOf != null && Instant.parse(headAsOf).isBefore(Instant.parse(asOf))) {
                    asOf = headAsOf;
                }
            }
        }
        return new Stored(asOf, TimelineHistory.of(records));
    }

    ReadModels readModels() {
        return readModels;
    }

    MongoCollection<Document> timelines() {
        return readModels.collection(TimelineDocument.COLLECTION);
    }

    MongoCollection<Document> pages() {
        return readModels.collection(TimelineDocument.PAGES);
    }

    @Override
    public Recorded recordedOn(List<ChildJourneyId> journeyIds) {
        TimelineHistory history = read(journeyIds).history();
        return new Recorded(history.nonDisclosures().stream()
                .map(decision -> new DecisionNotToShare(Instant.parse(decision.getString("at")),
                        decision.getString("by"), decision.getString("agency"), decision.getString("toAgency"),
                        decision.getList("entryIds", String.class), decision.getString("reason")))
                .toList(),
                history.refusedSharing().stream()
                        .map(refused -> new RefusedSharing(Instant.parse(refused.getString("at")),
                                refused.getString("askedBy"), refused.getString("agency"),
                                refused.getString("decision"), refused.getString("toAgency"),
                                refused.getList("entryIds", String.class), refused.getString("refusal")))
                        .toList());
    }

    /**
     * A timeline as stored.
     *
     * @param asOf the recorded time of the latest event the read model holds, or {@code null} for none
     */
    record Stored(@Nullable String asOf, TimelineHistory history) {
    }
}

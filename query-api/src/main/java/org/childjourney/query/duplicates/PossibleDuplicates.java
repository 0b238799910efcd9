package org.childjourney.query.duplicates;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.PossibleDuplicateRaised;
import org.childjourney.core.journey.event.PossibleDuplicateResolved;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.TimeOrder;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.springframework.stereotype.Component;

/**
 * Projects possible duplicates and the hub's decisions into collection {@code possible_duplicates}, one document per
 * task keyed by its id, and answers
 * {@link FindPossibleDuplicates} from it, a page at a time, by a filter on their state (open tasks are as many as
 * the hub has not decided; the embedded read store reads the collection to filter it, a real MongoDB by an index on
 * {@code state} and {@code order}, the time raised as text that sorts). Writing a task or a decision twice writes the same document. A listing is recorded, with the journeys it named, before it is answered. Processed with the other
 * short lists (the break-glass queue) in processing group {@code access-log}: a processor of its own would read
 * every event of the store once more for a handful of tasks.
 */
@Component
@ProcessingGroup("access-log")
class PossibleDuplicates implements RebuildableProjection {

    static final String COLLECTION = "possible_duplicates";

    private final ReadModels readModels;
    private final DisclosureLog disclosures;

    PossibleDuplicates(ReadModels readModels, DisclosureLog disclosures) {
        this.readModels = readModels;
        this.disclosures = disclosures;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new PossibleDuplicates(generation, disclosures);
    }

    /** The possible duplicates an erased journey is one of leave the hub's list, evidence and all (ADR 0015). */
    @EventHandler
    void on(JourneyErased erased) {
        String journeyId = erased.journeyId().toString();
        tasks().deleteMany(Filters.or(eq("journeyId", journeyId), eq("otherJourneyId", journeyId)));
    }

    @EventHandler
    void on(PossibleDuplicateRaised raised, @Timestamp Instant at) {
        if (tasks().find(eq("_id", raised.taskId())).first() != null) {
            return;
        }
        tasks().replaceOne(eq("_id", raised.taskId()), new Document("_id", raised.taskId())
                .append("journeyId", raised.journeyId().toString())
                .append("otherJourneyId", raised.otherJourneyId().toString())
                .append("reason", EntryField.kebab(raised.reason()))
                .append("score", raised.score())
                .append("reasons", raised.reasons())
                .append("raisedAt", at.toString())
                .append("order", TimeOrder.of(at))
                .append("state", "open"), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(PossibleDuplicateResolved resolved, @Timestamp Instant at) {
        tasks().updateOne(eq("_id", resolved.taskId()), Updates.combine(
                Updates.set("state", "decided"),
                Updates.set("decision", new Document("decision", EntryField.kebab(resolved.decision()))
                        .append("evidence", resolved.evidence().value())
                        .append("decidedBy", resolved.decidedBy().username())
                        .append("at", at.toString()))));
    }

    /** One page, and one task more if there is a next page. */
    @QueryHandler
    List<PossibleDuplicate> handle(FindPossibleDuplicates query) {
        List<PossibleDuplicate> found = tasks().find(eq("state", query.state()))
                .sort(Sorts.ascending("order", "_id"))
                .skip(query.page() * FindPossibleDuplicates.PAGE).limit(FindPossibleDuplicates.PAGE + 1)
                .map(PossibleDuplicates::task).into(new ArrayList<>());
        // The one more, which tells whether there is a next page, is not shown: it is not recorded either.
        disclosures.listRead(query.hub(), Purpose.MASH_TRIAGE, "possible-duplicates", found.stream()
                .limit(FindPossibleDuplicates.PAGE)
                .flatMap(task -> List.of(task.journeyId(), task.otherJourneyId()).stream())
                .map(ChildJourneyId::of).toList());
        return found;
    }

    private MongoCollection<Document> tasks() {
        return readModels.collection(COLLECTION);
    }

    private static PossibleDuplicate task(Document task) {
        Document decision = task.get("decision", Document.class);
        return new PossibleDuplicate(task.getString("_id"), task.getString("journeyId"),
                task.getString("otherJourneyId"), task.getString("reason"), task.getDouble("score"),
                task.getList("reasons", String.class), task.getString("raisedAt"), task.getString("state"),
                decision == null ? null : new PossibleDuplicate.Decision(decision.getString("decision"),
                        decision.getString("evidence"), decision.getString("decidedBy"), decision.getString("at")));
    }
}

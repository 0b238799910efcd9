package org.childjourney.query.breakglass;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
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
import org.bson.conversions.Bson;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.BreakGlassGranted;
import org.childjourney.core.journey.event.BreakGlassReviewed;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.TimeOrder;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.springframework.stereotype.Component;

/**
 * Projects break-glass grants and their reviews (processing group {@code access-log}) into collection
 * {@code break_glass}, one document per grant keyed by its id, and answers {@link FindGrants} from it. Grants are
 * few; the queue is read by a filter on whether each has been reviewed. Writing a grant or a review twice writes
 * the same document.
 */
@Component
@ProcessingGroup("access-log")
class BreakGlassQueue implements RebuildableProjection {

    static final String COLLECTION = "break_glass";

    private final ReadModels readModels;
    private final DisclosureLog disclosures;

    BreakGlassQueue(ReadModels readModels, DisclosureLog disclosures) {
        this.readModels = readModels;
        this.disclosures = disclosures;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new BreakGlassQueue(generation, disclosures);
    }

    @EventHandler
    void on(BreakGlassGranted granted) {
        MongoCollection<Document> grants = grants();
        Document existing = grants.find(eq("_id", granted.grantId())).first();
        if (existing != null) {
            return;
        }
        grants.replaceOne(eq("_id", granted.grantId()), new Document("_id", granted.grantId())
                .append("journeyId", granted.journeyId().toString())
                .append("reader", granted.reader().username())
                .append("agency", granted.reader().agency() == null ? null : granted.reader().agency().value())
                .append("justification", granted.justification().value())
                .append("openedAt", granted.openedAt().toString())
                .append("order", TimeOrder.of(granted.openedAt()))
                .append("expiresAt", granted.expiresAt().toString())
                .append("reviewed", false), new ReplaceOptions().upsert(true));
    }

    /**
     * An erased journey's grants leave the queue, justifications and reviews with them (ADR 0015); the reads they
     * allowed stay in the disclosure log.
     */
    @EventHandler
    void on(JourneyErased erased) {
        grants().deleteMany(eq("journeyId", erased.journeyId().toString()));
    }

    @EventHandler
    void on(BreakGlassReviewed reviewed, @Timestamp Instant at) {
        grants().updateOne(eq("_id", reviewed.grantId()), Updates.combine(
                Updates.set("reviewed", true),
                Updates.set("review", new Document("outcome", reviewed.outcome().wireName())
                        .append("note", reviewed.note().value())
                        .append("reviewer", reviewed.reviewer().username())
                        .append("at", at.toString()))));
    }

    /** A listing of the queue is a read of the audit trail, recorded before it is sent; finding one grant is not. */
    @QueryHandler
    List<QueuedGrant> handle(FindGrants query) {
        List<Bson> filters = new ArrayList<>();
        if (query.grantId() != null) {
            filters.add(eq("_id", query.grantId()));
        } else if (query.reviewed() != null) {
            filters.add(eq("reviewed", query.reviewed()));
        }
        if (!query.journeys().isEmpty()) {
            filters.add(in("journeyId", query.journeys().stream().map(ChildJourneyId::toString).toList()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<QueuedGrant> found = grants().find(filter).sort(Sorts.ascending("order", "_id")).map(BreakGlassQueue::grant)
                .into(new ArrayList<>());
        if (query.grantId() == null) {
            disclosures.auditTrailRead(query.auditor(), "break-glass",
                    found.stream().map(grant -> ChildJourneyId.of(grant.journeyId())).toList());
        }
        return found;
    }

    private MongoCollection<Document> grants() {
        return readModels.collection(COLLECTION);
    }

    private static QueuedGrant grant(Document grant) {
        Document review = grant.get("review", Document.class);
        return new QueuedGrant(grant.getString("_id"), grant.getString("journeyId"), grant.getString("reader"),
                grant.getString("agency"), grant.getString("justification"), grant.getString("openedAt"),
                grant.getString("expiresAt"), grant.getBoolean("reviewed", false), review == null ? null
                        : new QueuedGrant.Review(review.getString("outcome"), review.getString("note"),
                                review.getString("reviewer"), review.getString("at")));
    }
}

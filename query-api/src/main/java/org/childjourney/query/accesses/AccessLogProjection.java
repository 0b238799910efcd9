package org.childjourney.query.accesses;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.DisclosureEvent;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneysSearched;
import org.childjourney.query.readmodel.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * Projects disclosure records into collection {@code access_log} (processing group {@code access-log}): one
 * document per journey, keyed by journey id, listing every read of it. A search is listed on every journey it
 * found, returned or withheld. Each read carries its event id, so a redelivered record is not listed twice.
 */
@Component
@ProcessingGroup("access-log")
class AccessLogProjection implements BreakGlassHistory {

    static final String COLLECTION = "access_log";

    private final MongoCollection<Document> log;

    AccessLogProjection(MongoDatabase readModels) {
        this.log = readModels.getCollection(COLLECTION);
    }

    @EventHandler
    void on(DisclosureEvent event, EventMessage<?> message, @Timestamp Instant at, UnitOfWork<?> unitOfWork) {
        DocumentBatch batch = DocumentBatch.of(unitOfWork, log);
        Document read = new Document("readId", message.getIdentifier())
                .append("at", at.toString())
                .append("viewer", event.viewer().username())
                .append("agency", event.viewer().agency() == null ? null : event.viewer().agency().value())
                .append("roles", event.viewer().roles().stream().map(Role::claim).sorted().toList())
                .append("purpose", event.purpose().header())
                .append("kind", event.kind().name().toLowerCase().replace('_', '-'))
                .append("policyVersion", event.policyVersion());
        if (event instanceof JourneyDisclosed disclosed) {
            append(batch, disclosed.journeyId(), read.append("decision", "permitted")
                    .append("flaggedForReview", disclosed.purpose() == Purpose.EMERGENCY
                            && disclosed.kind() != ReadKind.ACCESS_LOG)
                    .append("basis", disclosed.basis().name())
                    .append("entriesDisclosed", ids(disclosed.disclosed()))
                    .append("entriesWithheld", ids(disclosed.withheld())));
        } else if (event instanceof AccessRefused refused) {
            append(batch, refused.journeyId(), read.append("decision", "refused")
                    .append("reason", refused.reason().name()));
        } else if (event instanceof JourneysSearched searched) {
            searched.disclosed().forEach(id -> append(batch, id, new Document(read).append("decision", "permitted")));
            searched.withheld().forEach(id -> append(batch, id, new Document(read).append("decision", "withheld")));
        }
    }

    private static void append(DocumentBatch batch, ChildJourneyId journeyId, Document read) {
        List<Document> reads = batch.get(journeyId.toString(), id -> new Document("_id", id)
                .append("reads", new ArrayList<Document>())).getList("reads", Document.class);
        if (reads.stream().noneMatch(earlier -> earlier.getString("readId").equals(read.getString("readId")))) {
            reads.add(read);
        }
    }

    /** Every read of a journey, oldest first. */
    List<Document> reads(ChildJourneyId journeyId) {
        Document found = log.find(eq("_id", journeyId.toString())).first();
        return found == null ? List.of() : new ArrayList<>(found.getList("reads", Document.class));
    }

    @Override
    public List<Instant> breakGlassReads(ChildJourneyId journeyId, String username) {
        return reads(journeyId).stream()
                .filter(read -> username.equals(read.getString("viewer")))
                .filter(read -> read.getBoolean("flaggedForReview", false))
                .map(read -> Instant.parse(read.getString("at")))
                .toList();
    }

    private static List<String> ids(List<EntryId> entries) {
        return entries.stream().map(EntryId::toString).toList();
    }
}

package org.childjourney.query.accesses;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.AuditTrailRead;
import org.childjourney.core.journey.event.DisclosureEvent;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneysSearched;
import org.childjourney.query.readmodel.DocumentBatch;
import org.childjourney.query.readmodel.PoisonedDocuments;
import org.springframework.stereotype.Component;

/**
 * Projects disclosure records (processing group {@code access-log}) into two collections, both fetched by id:
 * {@code access_reads} holds one document per read of a journey, written once; {@code access_log} holds one small
 * index document per journey, keyed by journey id, with the ids of its reads in order. A journey read thousands of times therefore never rewrites one ever-growing document (the
 * hot child's 200-entry reads made it megabytes). A search is listed on every journey it found, returned or
 * withheld. Each read's id carries its event id, so a redelivered record is not listed twice.
 */
@Component
@ProcessingGroup("access-log")
class AccessLogProjection {

    static final String COLLECTION = "access_log";
    static final String READS = "access_reads";

    private final MongoCollection<Document> index;
    private final MongoCollection<Document> reads;
    private final PoisonedDocuments poisoned;

    AccessLogProjection(MongoDatabase readModels, PoisonedDocuments poisoned) {
        this.index = readModels.getCollection(COLLECTION);
        this.reads = readModels.getCollection(READS);
        this.poisoned = poisoned;
    }

    @EventHandler
    void on(DisclosureEvent event, EventMessage<?> message, @Timestamp Instant at, UnitOfWork<?> unitOfWork) {
        // The reads' batch first: batches are written in the order they were opened, so the index never names a
        // read that is not stored yet.
        DocumentBatch readBatch = DocumentBatch.of(unitOfWork, reads, poisoned);
        Batches batches = new Batches(DocumentBatch.of(unitOfWork, index, poisoned,
                DocumentBatch.idsOf(DisclosureEvent.class, disclosure -> journeysOf(disclosure).stream())), readBatch);
        Document read = new Document("eventId", message.getIdentifier())
                .append("at", at.toString())
                .append("viewer", event.viewer().username())
                .append("agency", event.viewer().agency() == null ? null : event.viewer().agency().value())
                .append("roles", event.viewer().roles().stream().map(Role::claim).sorted().toList())
                .append("purpose", event.purpose().header())
                .append("kind", event.kind().name().toLowerCase().replace('_', '-'))
                .append("policyVersion", event.policyVersion());
        if (event instanceof JourneyDisclosed disclosed) {
            batches.append(disclosed.journeyId(), read.append("decision", "permitted")
                    .append("flaggedForReview", disclosed.purpose() == Purpose.EMERGENCY
                            && disclosed.kind() != ReadKind.ACCESS_LOG)
                    .append("basis", disclosed.basis().name())
                    .append("grounds", disclosed.grounds().stream().map(Ground::wireName).toList())
                    .append("entriesDisclosed", ids(disclosed.disclosed()))
                    .append("entriesWithheld", ids(disclosed.withheld())));
        } else if (event instanceof AccessRefused refused) {
            batches.append(refused.journeyId(), read.append("decision", "refused")
                    .append("reason", refused.reason().name()));
        } else if (event instanceof JourneysSearched searched) {
            searched.disclosed().forEach(id -> batches.append(id, new Document(read).append("decision", "permitted")));
            searched.withheld().forEach(id -> batches.append(id, new Document(read).append("decision", "withheld")));
        } else if (event instanceof AuditTrailRead trail) {
            trail.journeyIds().forEach(id -> batches.append(id, new Document(read).append("decision", "permitted")));
        }
    }

    /** The journeys whose access logs list a disclosure record. */
    private static List<String> journeysOf(DisclosureEvent event) {
        if (event instanceof JourneyDisclosed disclosed) {
            return List.of(disclosed.journeyId().toString());
        }
        if (event instanceof AccessRefused refused) {
            return List.of(refused.journeyId().toString());
        }
        if (event instanceof AuditTrailRead trail) {
            return trail.journeyIds().stream().map(ChildJourneyId::toString).toList();
        }
        JourneysSearched searched = (JourneysSearched) event;
        return Stream.concat(searched.disclosed().stream(), searched.withheld().stream())
                .map(ChildJourneyId::toString).toList();
    }

    /** The index and read documents of one processor batch. */
    private record Batches(DocumentBatch index, DocumentBatch reads) {

        void append(ChildJourneyId journeyId, Document read) {
            String readId = journeyId + "/" + read.getString("eventId");
            // Written again even when already listed: a redelivered batch may have listed it before failing.
            reads.put(readId, new Document("_id", readId).append("read", read));
            Document journal = index.edit(journeyId.toString(), id -> new Document("_id", id)
                    .append("readIds", new ArrayList<String>()));
            List<String> readIds = journal.getList("readIds", String.class);
            if (!readIds.contains(readId)) {
                readIds.add(readId);
            }
        }
    }

    /** Every read of a journey, oldest first. */
    List<Document> reads(ChildJourneyId journeyId) {
        Document journal = index.find(eq("_id", journeyId.toString())).first();
        if (journal == null) {
            return List.of();
        }
        List<String> readIds = journal.getList("readIds", String.class);
        Map<String, Document> byId = new HashMap<>();
        reads.find(in("_id", readIds)).forEach(found -> byId.put(found.getString("_id"),
                found.get("read", Document.class)));
        return readIds.stream().map(readId -> Objects.requireNonNull(byId.get(readId),
                "the access log's index names a read that is not stored")).toList();
    }

    private static List<String> ids(List<EntryId> entries) {
        return entries.stream().map(EntryId::toString).toList();
    }
}

package org.childjourney.query.accesses;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.childjourney.query.readmodel.PagedItems;
import org.childjourney.query.readmodel.PoisonedDocuments;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Projects disclosure records (processing group {@code access-log}) into collections fetched by id:
 * {@code access_reads} holds one document per read of a journey, written once; {@code access_log} holds a small
 * index per journey, keyed by journey id, with the ids of its reads in order, in pages ({@link PagedItems}, full
 * pages in {@code access_log_pages}). A journey read a million times therefore never rewrites, or outgrows, one
 * document. A search is listed on every journey it found, returned or withheld. Each read's id carries its event
 * id: a redelivered record is stored again under the same id, and not listed twice while the head holds its page (a
 * batch handled again after a failure lists nothing it had listed; readers list each read once).
 */
@Component
@ProcessingGroup("access-log")
class AccessLogProjection implements RebuildableProjection {

    static final String COLLECTION = "access_log";
    static final String PAGES = "access_log_pages";
    static final String READS = "access_reads";

    /** Reads fetched at once: a store holds each answer whole. */
    private static final int FETCH = 500;

    private final ReadModels readModels;
    private final PoisonedDocuments poisoned;
    private final PagedItems paging;

    AccessLogProjection(ReadModels readModels, PoisonedDocuments poisoned, PagedItems paging) {
        this.readModels = readModels;
        this.poisoned = poisoned;
        this.paging = paging;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new AccessLogProjection(generation, poisoned, paging);
    }

    @EventHandler
    void on(DisclosureEvent event, EventMessage<?> message, @Timestamp Instant at, UnitOfWork<?> unitOfWork) {
        // The reads' batch first, then the pages': batches are written in the order they were opened, so the index
        // never names a read or counts a page that is not stored yet.
        DocumentBatch readBatch = DocumentBatch.of(unitOfWork, readModels, READS, poisoned);
        DocumentBatch pageBatch = DocumentBatch.of(unitOfWork, readModels, PAGES, poisoned);
        Batches batches = new Batches(DocumentBatch.of(unitOfWork, readModels, COLLECTION, poisoned,
                DocumentBatch.idsOf(DisclosureEvent.class, disclosure -> journeysOf(disclosure).stream())), pageBatch,
                readBatch, paging);
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

    /** The index heads, index pages and read documents of one processor batch. */
    private record Batches(DocumentBatch index, DocumentBatch pages, DocumentBatch reads, PagedItems paging) {

        void append(ChildJourneyId journeyId, Document read) {
            String readId = journeyId + "/" + read.getString("eventId");
            // Written again even when already listed: a redelivered batch may have listed it before failing.
            reads.put(readId, new Document("_id", readId).append("read", read));
            Document head = index.edit(journeyId.toString(), id -> new Document("_id", id));
            if (!PagedItems.holds(head, listed -> readId.equals(listed.getString("readId")))) {
                paging.append(head, pages, new Document("readId", readId));
            }
        }
    }

    /**
     * The reads of journeys (a journey and those linked to it) recorded by {@code until} (all of them for
     * {@code null}), each once, naming the journey it was recorded on: one journey's in the order they were listed,
     * several journeys' in the order of their times. All are fetched: a record retried from the dead-letter queue is
     * listed late, so the order of the list is not the order of the records' times.
     */
    List<Document> reads(List<ChildJourneyId> journeyIds, @Nullable Instant until) {
        // One generation for the whole read, even if a rebuild switches meanwhile.
        ReadModels now = readModels.at(readModels.generation());
        List<Document> reads = new ArrayList<>();
        journeyIds.forEach(journeyId -> reads.addAll(reads(now, journeyId, until)));
        if (journeyIds.size() > 1) {
            reads.sort(Comparator.comparing(read -> Instant.parse(read.getString("at"))));
        }
        return reads;
    }

    private static List<Document> reads(ReadModels now, ChildJourneyId journeyId, @Nullable Instant until) {
        Document head = now.collection(COLLECTION).find(eq("_id", journeyId.toString())).first();
        if (head == null) {
            return List.of();
        }
        List<String> readIds = PagedItems.all(head, now.collection(PAGES)).stream()
                .map(listed -> listed.getString("readId")).distinct().toList();
        Map<String, Document> byId = new HashMap<>();
        MongoCollection<Document> reads = now.collection(READS);
        for (int from = 0; from < readIds.size(); from += FETCH) {
            reads.find(in("_id", readIds.subList(from, Math.min(readIds.size(), from + FETCH))))
                    .forEach(stored -> byId.put(stored.getString("_id"), stored.get("read", Document.class)));
        }
        return readIds.stream().map(readId -> Objects.requireNonNull(byId.get(readId),
                        "the access log's index names a read that is not stored"))
                .filter(read -> until == null || !Instant.parse(read.getString("at")).isAfter(until))
                .map(read -> new Document(read).append("journeyId", journeyId.toString()))
                .toList();
    }

    private static List<String> ids(List<EntryId> entries) {
        return entries.stream().map(EntryId::toString).toList();
    }
}

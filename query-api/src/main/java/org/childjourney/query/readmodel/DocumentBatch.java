package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The documents a projection touches while an event processor handles one batch of events: each is loaded once,
 * changed in memory by every event of the batch, and written once, in bulk writes, when the batch commits.
 * Only documents taken for {@link #edit editing} (or {@link #put put}) are written: a batch that only confirms
 * what a document already holds costs no write.
 * Loads and writes go to the store in chunks of {@value #CHUNK} documents: the store holds each command whole,
 * in several copies, while it carries it out, and a busy child's document is large.
 * If the write fails the batch rolls back with its tracking token, and the events are handled again; the
 * projections skip what a document has already applied.
 */
public final class DocumentBatch {

    private static final int CHUNK = 100;

    private final MongoCollection<Document> collection;
    private final Map<Object, Document> documents = new LinkedHashMap<>();
    private final Set<Object> changed = new HashSet<>();
    /** Ids already asked of the collection: a document not loaded under one of them does not exist. */
    private final Set<Object> lookedUp = new HashSet<>();

    private DocumentBatch(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The batch of this collection in the unit of work, created (and set to be written on commit) on first use. */
    public static DocumentBatch of(UnitOfWork<?> unitOfWork, MongoCollection<Document> collection) {
        return of(unitOfWork, collection, message -> Stream.empty());
    }

    /**
     * As {@link #of(UnitOfWork, MongoCollection)}; on first use in a processor's batch, the documents that
     * {@code idsOf} names for the batch's events are loaded at once, a few round trips instead of one per document.
     */
    public static DocumentBatch of(UnitOfWork<?> unitOfWork, MongoCollection<Document> collection,
            Function<EventMessage<?>, Stream<String>> idsOf) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource("document-batch:" + collection.getNamespace().getFullName(), key -> {
            DocumentBatch batch = new DocumentBatch(collection);
            if (root instanceof BatchingUnitOfWork<?> events) {
                batch.prefetch(events.getMessages().stream()
                        .flatMap(message -> idsOf.apply((EventMessage<?>) message))
                        .distinct()
                        .toList());
            }
            root.onPrepareCommit(committing -> batch.write());
            return batch;
        });
    }

    /**
     * For {@code of}: the ids {@code ids} names for the payload of a message of type {@code type}, none for other
     * messages (which are not deserialised).
     */
    public static <E> Function<EventMessage<?>, Stream<String>> idsOf(Class<E> type, Function<E, Stream<String>> ids) {
        return message -> type.isAssignableFrom(message.getPayloadType())
                ? ids.apply(type.cast(message.getPayload()))
                : Stream.empty();
    }

    private void prefetch(List<String> ids) {
        for (List<String> chunk : chunks(ids)) {
            collection.find(in("_id", chunk)).forEach(found -> documents.put(found.get("_id"), found));
            lookedUp.addAll(chunk);
        }
    }

    /**
     * The document with this id, to read: from this batch, else from the collection, else a new one from
     * {@code open}. Changes to it are written only if it is also taken for {@link #edit editing}.
     */
    public Document get(Object id, Function<Object, Document> open) {
        return documents.computeIfAbsent(id, key -> {
            Document stored = lookedUp.contains(key) ? null : collection.find(eq("_id", key)).first();
            return stored != null ? stored : open.apply(key);
        });
    }

    /** The document with this id, as {@link #get}, to be written when the batch commits. */
    public Document edit(Object id, Function<Object, Document> open) {
        changed.add(id);
        return get(id, open);
    }

    /** Sets the whole document with this id, without loading what the collection holds under it. */
    public void put(Object id, Document document) {
        documents.put(id, document);
        changed.add(id);
    }

    private void write() {
        List<ReplaceOneModel<Document>> replacements = documents.entrySet().stream()
                .filter(entry -> changed.contains(entry.getKey()))
                .map(entry -> new ReplaceOneModel<>(eq("_id", entry.getKey()), entry.getValue(),
                        new ReplaceOptions().upsert(true)))
                .toList();
        chunks(replacements).forEach(collection::bulkWrite);
        documents.clear();
        changed.clear();
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        return IntStream.iterate(0, from -> from < items.size(), from -> from + CHUNK)
                .mapToObj(from -> items.subList(from, Math.min(items.size(), from + CHUNK)))
                .toList();
    }
}

package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The documents a projection touches while an event processor handles one batch of events: each is loaded once,
 * changed in memory by every event of the batch, and written once, in bulk writes, when the batch commits.
 * Only documents taken for {@link #edit editing} (or {@link #put put}) are written: a batch that only confirms
 * what a document already holds costs no write.
 * Loads and writes go to the store in chunks of {@value #CHUNK} documents: the store holds each command whole,
 * in several copies, while it carries it out, and a busy child's document is large.
 * If the store fails (unreachable, timing out: {@link TransientStoreFailure}) the batch rolls back with its tracking
 * token, and the events are handled again; the projections skip what a document has already applied. If a document
 * itself cannot be written, in a processor's batch, the documents of its chunk are written one by one, the ones that
 * fail are marked {@link PoisonedDocuments poisoned} and the batch rolls back; handled again, every event that would
 * change a poisoned document fails in its handler, so that the processing group's dead-letter queue takes it (with
 * its journey's later events) and every other document is written. A dead letter retried writes the document again,
 * and a document written is no longer poisoned.
 *
 * <p>Each write counts the document's revision (field {@value #REVISION}). Where several processors' segments, in
 * one service or several, may change the same document (an agency's inbox, an identifier's journeys:
 * {@link ReadModels#sharedWriters}), each document loaded is written back only if it is still the revision loaded,
 * and one not stored when asked only if nobody has stored it since. Otherwise the batch fails with
 * {@link DocumentChangedMeanwhile} and is handled again from the documents as they now are, so that no change
 * overwrites another. With one writer a document is written by its id alone: the embedded read store finds a
 * document by id only when the filter is its id alone, and would otherwise scan the collection for every write.
 * A document {@link #put} is written whatever the store holds under its id.
 */
public final class DocumentBatch {

    /** The field counting a document's writes, which a conditional write compares. */
    static final String REVISION = "_rev";
    private static final int CHUNK = 100;
    /** In {@link #loaded}: the document was not stored when asked. */
    private static final long NOT_STORED = -1;
    /** In {@link #loaded}: the document was stored before documents counted their revisions. */
    private static final long UNCOUNTED = 0;

    private final MongoCollection<Document> collection;
    private final Counter written;
    /** Whether each write must be of the revision loaded: several segments may write the collection's documents. */
    private final boolean conditional;
    private final Map<Object, Document> documents = new LinkedHashMap<>();
    private final Set<Object> changed = new HashSet<>();
    /** Ids already asked of the collection: a document not loaded under one of them does not exist. */
    private final Set<Object> lookedUp = new HashSet<>();
    /** The revision each document read from the collection (or found missing there) had when it was read. */
    private final Map<Object, Long> loaded = new HashMap<>();
    /** Documents to delete when the batch commits (a journey's, erased). */
    private final Set<Object> removed = new HashSet<>();
    private final PoisonedDocuments poisoned;
    /** Whether this is a processor's batch, which isolates poisoned documents, or a dead letter being retried. */
    private final boolean processorBatch;

    private DocumentBatch(MongoCollection<Document> collection, Counter written, boolean conditional,
            PoisonedDocuments poisoned, boolean processorBatch) {
        this.collection = collection;
        this.written = written;
        this.conditional = conditional;
        this.poisoned = poisoned;
        this.processorBatch = processorBatch;
    }

    /**
     * The batch of the collection {@code name} of these read models in the unit of work, created (and set to be
     * written on commit) on first use.
     */
    public static DocumentBatch of(UnitOfWork<?> unitOfWork, ReadModels readModels, String name,
            PoisonedDocuments poisoned) {
        return of(unitOfWork, readModels, name, poisoned, message -> Stream.empty());
    }

    /**
     * As {@link #of(UnitOfWork, ReadModels, String, PoisonedDocuments)}; on first use in a processor's batch, the
     * documents that {@code idsOf} names for the batch's events are loaded at once, a few round trips instead of one
     * per document.
     */
    public static DocumentBatch of(UnitOfWork<?> unitOfWork, ReadModels readModels, String name,
            PoisonedDocuments poisoned, Function<EventMessage<?>, Stream<String>> idsOf) {
        UnitOfWork<?> root = unitOfWork.root();
        MongoCollection<Document> collection = readModels.collection(name);
        return root.getOrComputeResource("document-batch:" + collection.getNamespace().getFullName(), key -> {
            DocumentBatch batch = new DocumentBatch(collection, readModels.writesTo(name), readModels.sharedWriters(),
                    poisoned, root instanceof BatchingUnitOfWork<?>);
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
            collection.find(in("_id", chunk)).forEach(found -> {
                documents.put(found.get("_id"), found);
                loaded.put(found.get("_id"), revisionOf(found));
            });
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
            loaded.put(key, stored == null ? NOT_STORED : revisionOf(stored));
            return stored != null ? stored : open.apply(key);
        });
    }

    /** The document with this id, as {@link #get}, to be written when the batch commits. */
    public Document edit(Object id, Function<Object, Document> open) {
        changing(id);
        removed.remove(id);
        return get(id, open);
    }

    /** Sets the whole document with this id, without loading what the collection holds under it. */
    public void put(Object id, Document document) {
        documents.put(id, document);
        loaded.remove(id);
        removed.remove(id);
        changing(id);
    }

    /**
     * The ids of the documents this batch holds (loaded, or set or changed and not written yet) that match: with
     * those the collection holds, every document a change of the whole collection must see.
     */
    public List<Object> heldIds(Predicate<Document> matching) {
        return documents.entrySet().stream()
                .filter(held -> !removed.contains(held.getKey()) && held.getValue() != null
                        && matching.test(held.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Deletes the document with this id when the batch commits; with shared writers, only if nobody changed it since
     * this batch loaded it (else the batch is handled again, as for a write).
     */
    public void remove(Object id) {
        get(id, key -> new Document("_id", key));
        changing(id);
        removed.add(id);
    }

    /** @throws PoisonedDocuments.DocumentPoisoned in a processor's batch, for a document that could not be written */
    private void changing(Object id) {
        if (processorBatch && poisoned.contains(collection, id)) {
            throw new PoisonedDocuments.DocumentPoisoned();
        }
        changed.add(id);
    }

    private void write() {
        // A document removed that was not stored when this batch asked needs no write: a delete by its id alone could
        // take one another writer stored meanwhile.
        List<Object> ids = documents.keySet().stream().filter(changed::contains)
                .filter(id -> !removed.contains(id) || loaded.get(id) == null || loaded.get(id) != NOT_STORED)
                .toList();
        for (List<Object> chunk : chunks(ids)) {
            try {
                replace(chunk);
                written.increment(chunk.size());
            } catch (RuntimeException failure) {
                if (!processorBatch || notTheDocuments(failure)) {
                    throw failure;
                }
                writeOneByOne(chunk, failure);
            }
            poisoned.cure(collection, chunk);
        }
        documents.clear();
        changed.clear();
        loaded.clear();
        removed.clear();
    }

    /**
     * Writes these documents in one bulk write.
     *
     * @throws DocumentChangedMeanwhile if one was changed (or first stored) since this batch loaded it: the write
     *         matched fewer documents than it replaced, or an insert met a document of the same id
     */
    private void replace(List<Object> ids) {
        BulkWriteResult result;
        try {
            result = collection.bulkWrite(ids.stream().map(this::replacement).toList());
        } catch (MongoBulkWriteException failure) {
            if (DocumentChangedMeanwhile.test(failure)) {
                throw new DocumentChangedMeanwhile(failure);
            }
            // The write is ordered: the documents before the first refused were written, at their new revision.
            int refused = failure.getWriteErrors().stream().mapToInt(BulkWriteError::getIndex).min().orElse(0);
            ids.subList(0, refused).forEach(id -> loaded.computeIfPresent(id,
                    (written, before) -> revisionOf(documents.get(written))));
            throw failure;
        }
        long removals = ids.stream().filter(removed::contains).count();
        long storedRemovals = ids.stream()
                .filter(id -> removed.contains(id) && loaded.getOrDefault(id, NOT_STORED) != NOT_STORED).count();
        if (result.getMatchedCount() + result.getUpserts().size() < ids.size() - removals
                || conditional && result.getDeletedCount() < storedRemovals) {
            throw new DocumentChangedMeanwhile(null);
        }
    }

    /** A failure that writing the documents one by one would only repeat: the store's, or a concurrent change. */
    private static boolean notTheDocuments(RuntimeException failure) {
        return failure instanceof DocumentChangedMeanwhile || TransientStoreFailure.test(failure);
    }

    /**
     * After a chunk failed for a reason of its own: each document alone. The ones that fail are marked poisoned and
     * the batch fails, to be handled again without them. If every document of a chunk of several fails, the store is
     * at fault, not a document, and the batch fails without marking any.
     */
    private void writeOneByOne(List<Object> chunk, RuntimeException chunkFailure) {
        List<Object> failed = new ArrayList<>();
        for (Object id : chunk) {
            try {
                replace(List.of(id));
                written.increment();
            } catch (RuntimeException failure) {
                if (notTheDocuments(failure)) {
                    throw failure;
                }
                failed.add(id);
            }
        }
        if (failed.isEmpty()) {
            return;
        }
        if (chunk.size() > 1 && failed.size() == chunk.size()) {
            throw chunkFailure;
        }
        failed.forEach(id -> poisoned.poison(collection, id));
        throw new PoisonedDocuments.DocumentPoisoned();
    }

    /**
     * The write of one document: a document put replaces whatever is stored; with shared writers, a document loaded
     * replaces the revision loaded, one counted from before revisions only an uncounted one, and one not stored is
     * inserted (an upsert whose filter matches nothing stored, so that a document stored meanwhile fails it as a
     * duplicate).
     */
    private WriteModel<Document> replacement(Object id) {
        Document document = documents.get(id);
        Long revision = loaded.get(id);
        if (removed.contains(id)) {
            return !conditional || revision == null
                    ? new DeleteOneModel<>(eq("_id", id))
                    : new DeleteOneModel<>(and(eq("_id", id),
                            revision > UNCOUNTED ? eq(REVISION, revision) : exists(REVISION, false)));
        }
        if (revision == null) {
            return new ReplaceOneModel<>(eq("_id", id), document, new ReplaceOptions().upsert(true));
        }
        document.put(REVISION, Math.max(revision, UNCOUNTED) + 1);
        if (!conditional) {
            return new ReplaceOneModel<>(eq("_id", id), document, new ReplaceOptions().upsert(true));
        }
        Bson unchanged = revision > UNCOUNTED ? eq(REVISION, revision) : exists(REVISION, false);
        return new ReplaceOneModel<>(and(eq("_id", id), unchanged), document,
                new ReplaceOptions().upsert(revision == NOT_STORED));
    }

    private static long revisionOf(Document stored) {
        return stored.get(REVISION) instanceof Number counted ? counted.longValue() : UNCOUNTED;
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        return IntStream.iterate(0, from -> from < items.size(), from -> from + CHUNK)
                .mapToObj(from -> items.subList(from, Math.min(items.size(), from + CHUNK)))
                .toList();
    }
}

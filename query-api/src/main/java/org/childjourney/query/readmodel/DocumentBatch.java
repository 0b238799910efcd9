package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The documents a projection touches while an event processor handles one batch of events: each is loaded once,
 * changed in memory by every event of the batch, and written once, in one bulk write, when the batch commits.
 * If the write fails the batch rolls back with its tracking token, and the events are handled again; the
 * projections skip what a document has already applied.
 */
public final class DocumentBatch {

    private final MongoCollection<Document> collection;
    private final Map<Object, Document> documents = new LinkedHashMap<>();

    private DocumentBatch(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The batch of this collection in the unit of work, created (and set to be written on commit) on first use. */
    public static DocumentBatch of(UnitOfWork<?> unitOfWork, MongoCollection<Document> collection) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource("document-batch:" + collection.getNamespace().getFullName(), key -> {
            DocumentBatch batch = new DocumentBatch(collection);
            root.onPrepareCommit(committing -> batch.write());
            return batch;
        });
    }

    /** The document with this id: from this batch, else from the collection, else a new one from {@code open}. */
    public Document get(Object id, Function<Object, Document> open) {
        return documents.computeIfAbsent(id, key -> {
            Document stored = collection.find(eq("_id", key)).first();
            return stored != null ? stored : open.apply(key);
        });
    }

    private void write() {
        if (documents.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> replacements = documents.entrySet().stream()
                .map(entry -> new ReplaceOneModel<>(eq("_id", entry.getKey()), entry.getValue(),
                        new ReplaceOptions().upsert(true)))
                .toList();
        collection.bulkWrite(replacements);
        documents.clear();
    }
}

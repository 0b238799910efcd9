package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * Whole documents set or deleted by id, gathered in a processor's unit of work and sent in ordered bulk writes when it
 * commits: for a read model whose documents come and go (an item while it awaits a decision) and are never edited in
 * place. The last change of each id in the batch is the one sent. Replay-safe: setting a document again, or deleting
 * one that is gone, changes nothing. Counted with the other document writes.
 */
public final class DocumentChanges {

    private static final int CHUNK = 500;

    private final MongoCollection<Document> collection;
    private final Counter written;
    /** Each id's last change: the document to set, or {@code null} to delete it. */
    private final Map<String, Document> changes = new LinkedHashMap<>();

    private DocumentChanges(MongoCollection<Document> collection, Counter written) {
        this.collection = collection;
        this.written = written;
    }

    /** The changes of the collection {@code name} in the unit of work, sent when it commits. */
    public static DocumentChanges of(UnitOfWork<?> unitOfWork, ReadModels readModels, String name) {
        UnitOfWork<?> root = unitOfWork.root();
        MongoCollection<Document> collection = readModels.collection(name);
        return root.getOrComputeResource("document-changes:" + collection.getNamespace().getFullName(), key -> {
            DocumentChanges changes = new DocumentChanges(collection, readModels.writesTo(name));
            root.onPrepareCommit(committing -> changes.send());
            return changes;
        });
    }

    public void set(String id, Document document) {
        changes.put(id, document);
    }

    public void delete(String id) {
        changes.put(id, null);
    }

    /** The ids of the documents this unit of work sets and that match, not written yet. */
    public List<String> pendingIds(Predicate<Document> matching) {
        return changes.entrySet().stream().filter(change -> change.getValue() != null && matching.test(change.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    private void send() {
        List<WriteModel<Document>> writes = new ArrayList<>();
        changes.forEach((id, document) -> writes.add(document == null ? new DeleteOneModel<>(eq("_id", id))
                : new ReplaceOneModel<>(eq("_id", id), document, new ReplaceOptions().upsert(true))));
        for (int from = 0; from < writes.size(); from += CHUNK) {
            List<WriteModel<Document>> chunk = writes.subList(from, Math.min(writes.size(), from + CHUNK));
            collection.bulkWrite(chunk, new BulkWriteOptions().ordered(true));
            written.increment(chunk.size());
        }
        changes.clear();
    }
}

package org.childjourney.query.readmodel;

import com.mongodb.client.MongoCollection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The read-model documents a processor could not write for a reason of their own (too large, refused by the store),
 * by collection and id, in this instance's memory. While a document is poisoned, every event a processor hands a
 * projection that would change it fails in its handler, so that Axon's dead-letter queue takes the event with its
 * journey's later events, exactly as for a failure in the handler itself. A document written, by a dead letter
 * retried or otherwise, is cured. After a restart the list is empty, and the next batch that fails to write the
 * document marks it again.
 */
@Component
public class PoisonedDocuments {

    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();

    void poison(MongoCollection<Document> collection, Object id) {
        poisoned.add(key(collection, id));
    }

    boolean contains(MongoCollection<Document> collection, Object id) {
        return !poisoned.isEmpty() && poisoned.contains(key(collection, id));
    }

    void cure(MongoCollection<Document> collection, List<Object> written) {
        if (!poisoned.isEmpty()) {
            written.forEach(id -> poisoned.remove(key(collection, id)));
        }
    }

    private static String key(MongoCollection<Document> collection, Object id) {
        return collection.getNamespace().getFullName() + "/" + id;
    }

    /** An event would change a document that cannot be written: it waits in the dead-letter queue instead. */
    static final class DocumentPoisoned extends RuntimeException {

        DocumentPoisoned() {
            super("a read-model document the event changes could not be written", null, false, false);
        }
    }
}

package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.size;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * Items kept in the array {@value #ITEMS} of pages that several writers change at once (a list across journeys, in
 * pages by time, that another segment or a dead letter retried may change meanwhile), changed in place and never
 * read first: a unit of work's items added to and removed from each page are sent when it commits, in one ordered
 * bulk write of at most two updates a page ({@code $addToSet} of every item it added, then {@code $pull} of every
 * item it removed, by the item's key field). The pages it removed items from are then fetched by id, and those left
 * empty deleted, each only while it still holds none. Writers keep each other's changes; an item's own changes must
 * come in order (an item removed, then added again, is listed), as a journey's events do in a processor and in its
 * dead-letter queue. Replay-safe: an item added again is equal to the one added before and is not added twice, and
 * removing an item gone changes nothing. A page that cannot be written fails its unit of work, to be handled again:
 * no item makes a page large. Counted with the other document writes.
 */
public final class SharedPages {

    public static final String ITEMS = "items";

    private final MongoCollection<Document> collection;
    private final Counter written;
    private final String key;
    private final Map<String, List<Document>> added = new LinkedHashMap<>();
    private final Map<String, Set<String>> removed = new LinkedHashMap<>();

    private SharedPages(MongoCollection<Document> collection, Counter written, String key) {
        this.collection = collection;
        this.written = written;
        this.key = key;
    }

    /**
     * The changes to the pages of collection {@code name} in the unit of work, sent when it commits.
     *
     * @param key the field of an item that names it among the others
     */
    public static SharedPages of(UnitOfWork<?> unitOfWork, ReadModels readModels, String name, String key) {
        UnitOfWork<?> root = unitOfWork.root();
        MongoCollection<Document> collection = readModels.collection(name);
        return root.getOrComputeResource("shared-pages:" + collection.getNamespace().getFullName(), resource -> {
            SharedPages pages = new SharedPages(collection, readModels.writesTo(name), key);
            root.onPrepareCommit(committing -> pages.send());
            return pages;
        });
    }

    public void add(String pageId, Document item) {
        added.computeIfAbsent(pageId, page -> new ArrayList<>()).add(item);
    }

    /** Removes the item whose key field is {@code itemKey}, after any item this unit of work added. */
    public void remove(String pageId, String itemKey) {
        removed.computeIfAbsent(pageId, page -> new LinkedHashSet<>()).add(itemKey);
    }

    /** Removes every item this unit of work added that matches. */
    public void removeAdded(Predicate<Document> matching) {
        added.forEach((pageId, items) -> items.stream().filter(matching)
                .forEach(item -> remove(pageId, item.getString(key))));
    }

    private void send() {
        List<WriteModel<Document>> writes = new ArrayList<>();
        added.forEach((pageId, items) -> writes.add(new UpdateOneModel<>(eq("_id", pageId),
                Updates.addEachToSet(ITEMS, items), new UpdateOptions().upsert(true))));
        removed.forEach((pageId, keys) -> writes.add(new UpdateOneModel<>(eq("_id", pageId),
                Updates.pull(ITEMS, in(key, keys)))));
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            written.increment(writes.size());
        }
        if (!removed.isEmpty()) {
            List<String> empty = new ArrayList<>();
            // By their ids alone, which the embedded read store finds without a scan.
            collection.find(in("_id", removed.keySet())).projection(Projections.include(ITEMS)).forEach(page -> {
                if (page.getList(ITEMS, Document.class, List.of()).isEmpty()) {
                    empty.add(page.getString("_id"));
                }
            });
            if (!empty.isEmpty()) {
                // Not by their ids alone: another writer may have added an item since.
                written.increment(collection.deleteMany(and(in("_id", empty), size(ITEMS, 0))).getDeletedCount());
            }
        }
        added.clear();
        removed.clear();
    }
}

package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * A list that grows without bound (a child's timeline, the reads of a journey, an agency's inbox) kept in documents
 * that do not: the head document holds the open page of at most {@code size} items in field {@value #ITEMS}; a full
 * page moves to a document of its own in the pages collection, keyed {@code <head id>/<n>} with n counting from 0,
 * and the head counts the pages so moved in field {@value #PAGES}. An append writes the head, and one page more
 * each time a page fills; a read fetches the head, then its pages by id. Every document is fetched by id.
 */
public final class PagedItems {

    static final String ITEMS = "items";
    static final String PAGES = "pages";
    private static final int FETCH = 20;

    private final int size;

    public PagedItems(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one item");
        }
        this.size = size;
    }

    /** Appends the item to the head's open page, first moving a full page into {@code pages}. */
    public void append(Document head, DocumentBatch pages, Document item) {
        List<Document> open = open(head);
        if (open.size() >= size) {
            int sealed = pagesOf(head);
            String pageId = pageId(head.get("_id"), sealed);
            pages.put(pageId, new Document("_id", pageId).append(ITEMS, new ArrayList<>(open)));
            open.clear();
            head.put(PAGES, sealed + 1);
        }
        open.add(item);
    }

    /** The items of the head's open page, to read or change in place. */
    @SuppressWarnings("unchecked")
    public static List<Document> open(Document head) {
        return (List<Document>) head.computeIfAbsent(ITEMS, absent -> new ArrayList<Document>());
    }

    /** Every item in the order appended: the moved pages, fetched by id a few at a time, then the open page. */
    public static List<Document> all(Document head, MongoCollection<Document> pages) {
        List<Document> items = new ArrayList<>();
        List<String> ids = IntStream.range(0, pagesOf(head)).mapToObj(n -> pageId(head.get("_id"), n)).toList();
        for (int from = 0; from < ids.size(); from += FETCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + FETCH));
            Map<String, Document> found = new HashMap<>();
            pages.find(in("_id", chunk)).forEach(page -> found.put(page.getString("_id"), page));
            for (String id : chunk) {
                Document page = found.get(id);
                if (page == null) {
                    throw new IllegalStateException("a read-model head counts a page that is not stored");
                }
                items.addAll(page.getList(ITEMS, Document.class));
            }
        }
        items.addAll(open(head));
        return items;
    }

    /** The items of full page {@code n}, fetched by id. */
    public static List<Document> page(Document head, MongoCollection<Document> pages, int n) {
        Document page = pages.find(eq("_id", pageId(head.get("_id"), n))).first();
        if (page == null) {
            throw new IllegalStateException("a read-model head counts a page that is not stored");
        }
        return page.getList(ITEMS, Document.class);
    }

    /** How many full pages the head has moved out. */
    public static int pagesOf(Document head) {
        return head.get(PAGES, 0);
    }

    static String pageId(Object headId, int n) {
        return headId + "/" + n;
    }
}

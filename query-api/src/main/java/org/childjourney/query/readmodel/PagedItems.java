package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * A list that grows without bound (a child's timeline, the reads of a journey, an agency's inbox) kept in documents
 * that do not: the head document holds the open page of at most {@code size} items in field {@value #ITEMS}; a full
 * page moves to a document of its own in the pages collection, keyed {@code <head id>/<n>} with n counting from 0,
 * and the head counts the pages so moved in field {@value #PAGES}. An append writes the head, and one page more
 * each time a page fills; a read fetches the head, then its pages by id. Every document is fetched by id.
 *
 * <p>Several processors may append to one head (an agency's inbox, from the segments of its children's journeys):
 * only the batch whose head write wins ({@link DocumentBatch}'s revisions) may decide what a page holds. So a full
 * page moves first into the head's list {@value #SEALED}, written with the head, and is copied out to its own
 * document by a later batch that loaded the head with it, in its pages batch (which projections write before their
 * heads), before that batch's head write drops it. Every copy of a page is the same items, whichever batch writes
 * it; until the copy, reads take the page from the head. A head holds at most the pages sealed by one batch.
 */
public final class PagedItems {

    static final String ITEMS = "items";
    static final String PAGES = "pages";
    static final String SEALED = "sealed";
    private static final String NUMBER = "n";
    /** In each page {@value #SEALED}: the head's revision as loaded by the batch that sealed the page. */
    private static final String SEALED_FROM = "from";
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
        List<Document> sealed = sealed(head);
        long revision = revision(head);
        sealed.removeIf(page -> {
            boolean stored = page.get(SEALED_FROM, Number.class).longValue() < revision;
            if (stored) {
                String pageId = pageId(head.get("_id"), page.getInteger(NUMBER));
                pages.put(pageId, new Document("_id", pageId).append(ITEMS, page.getList(ITEMS, Document.class)));
            }
            return stored;
        });
        List<Document> open = open(head);
        if (open.size() >= size) {
            int moved = pagesOf(head);
            sealed.add(new Document(NUMBER, moved).append(SEALED_FROM, revision).append(ITEMS, new ArrayList<>(open)));
            open.clear();
            head.put(PAGES, moved + 1);
        }
        if (sealed.isEmpty()) {
            head.remove(SEALED);
        }
        open.add(item);
    }

    /** The full pages the head holds until they are copied out, to read or change in place. */
    @SuppressWarnings("unchecked")
    private static List<Document> sealed(Document head) {
        return (List<Document>) head.computeIfAbsent(SEALED, absent -> new ArrayList<Document>());
    }

    /** The head's revision as its batch loaded it: 0 for a head not stored, or stored before revisions. */
    private static long revision(Document head) {
        return head.get(DocumentBatch.REVISION) instanceof Number counted ? counted.longValue() : 0;
    }

    /**
     * Whether the head holds an item that {@code matches}, on its open page or on a full page it holds until a later
     * batch copies it out: what a projection asks before appending an item that a batch handled again (after a
     * concurrent change failed it) may already have appended.
     */
    public static boolean holds(Document head, Predicate<Document> matches) {
        return open(head).stream().anyMatch(matches) || head.getList(SEALED, Document.class, List.of()).stream()
                .anyMatch(page -> page.getList(ITEMS, Document.class).stream().anyMatch(matches));
    }

    /** The items of the head's open page, to read or change in place. */
    @SuppressWarnings("unchecked")
    public static List<Document> open(Document head) {
        return (List<Document>) head.computeIfAbsent(ITEMS, absent -> new ArrayList<Document>());
    }

    /**
     * Every item in the order appended: the moved pages (those the head still holds from it, the others fetched by id
     * a few at a time), then the open page.
     */
    public static List<Document> all(Document head, MongoCollection<Document> pages) {
        Map<String, Document> found = new HashMap<>();
        head.getList(SEALED, Document.class, List.of())
                .forEach(page -> found.put(pageId(head.get("_id"), page.getInteger(NUMBER)), page));
        List<String> stored = IntStream.range(0, pagesOf(head)).mapToObj(n -> pageId(head.get("_id"), n))
                .filter(id -> !found.containsKey(id)).toList();
        for (int from = 0; from < stored.size(); from += FETCH) {
            pages.find(in("_id", stored.subList(from, Math.min(stored.size(), from + FETCH))))
                    .forEach(page -> found.put(page.getString("_id"), page));
        }
        List<Document> items = new ArrayList<>();
        for (int n = 0; n < pagesOf(head); n++) {
            Document page = found.get(pageId(head.get("_id"), n));
            if (page == null) {
                throw new IllegalStateException("a read-model head counts a page that is not stored");
            }
            items.addAll(page.getList(ITEMS, Document.class));
        }
        items.addAll(open(head));
        return items;
    }

    /** The items of full page {@code n}, fetched by id. */
    public static List<Document> page(Document head, MongoCollection<Document> pages, int n) {
        Document page = head.getList(SEALED, Document.class, List.of()).stream()
                .filter(sealed -> sealed.getInteger(NUMBER) == n).findFirst()
                .orElseGet(() -> pages.find(eq("_id", pageId(head.get("_id"), n))).first());
        if (page == null) {
            throw new IllegalStateException("a read-model head counts a page that is not stored");
        }
        return page.getList(ITEMS, Document.class);
    }

    /** Removes the head's full pages, moved out to {@code pages} (the head itself is its projection's to remove). */
    public static void removePages(Document head, DocumentBatch pages) {
        for (int n = 0; n < pagesOf(head); n++) {
            pages.remove(pageId(head.get("_id"), n));
        }
    }

    /** How many full pages the head has moved out. */
    public static int pagesOf(Document head) {
        return head.get(PAGES, 0);
    }

    static String pageId(Object headId, int n) {
        return headId + "/" + n;
    }
}

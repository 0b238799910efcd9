package org.childjourney.query.inbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.NoticeAcknowledged;
import org.childjourney.query.config.QueryProperties;
import org.childjourney.query.readmodel.DocumentBatch;
import org.childjourney.query.readmodel.PagedItems;
import org.childjourney.query.readmodel.PoisonedDocuments;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Projects notices and receipts (processing group {@code inbox}) into collections fetched by id:
 * {@code inbox_items} holds one document per item, keyed {@code <agency>/<item id>}, which its receipt updates;
 * {@code inbox} holds each agency's index of its item ids in order, in pages ({@link PagedItems}, full pages in
 * {@code inbox_pages}). An agency with a million items never rewrites, or outgrows, one document, and a receipt
 * changes one small one. A redelivered notice finds its item stored and is not listed twice while the head holds its
 * page (a batch handled again after a failure lists nothing it had listed). An agency's notices and receipts are one
 * sequence ({@code sequencing-policy: byAgency}): its inbox is written by one segment at a time.
 */
@Component
@ProcessingGroup("inbox")
class InboxProjection implements RebuildableProjection {

    static final String COLLECTION = "inbox";
    /** The summary of a notice about a journey since erased. */
    static final String ERASED = "The journey this notice was about was erased.";
    static final String PAGES = "inbox_pages";
    static final String ITEMS = "inbox_items";

    /** The items a batch's notices and receipts name, loaded at once. */
    private static final Function<EventMessage<?>, Stream<String>> ITEM_IDS = message -> Stream.concat(
            DocumentBatch.idsOf(AgencyNotified.class, notice -> Stream.of(itemId(notice.agency(), notice.noticeId())))
                    .apply(message),
            DocumentBatch.idsOf(NoticeAcknowledged.class,
                    receipt -> Stream.of(itemId(receipt.agency(), receipt.noticeId()))).apply(message));

    private final ReadModels readModels;
    private final PoisonedDocuments poisoned;
    private final PagedItems paging;

    @Autowired
    InboxProjection(ReadModels readModels, PoisonedDocuments poisoned, QueryProperties properties) {
        this(readModels, poisoned, new PagedItems(properties.inboxPageSize()));
    }

    private InboxProjection(ReadModels readModels, PoisonedDocuments poisoned, PagedItems paging) {
        this.readModels = readModels;
        this.poisoned = poisoned;
        this.paging = paging;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new InboxProjection(generation, poisoned, paging);
    }

    @EventHandler
    void on(AgencyNotified notice, @Timestamp Instant at, UnitOfWork<?> unitOfWork) {
        // Items, then pages, then heads: batches are written in the order they were opened, so that an index never
        // names an item or counts a page that is not stored yet.
        DocumentBatch itemBatch = DocumentBatch.of(unitOfWork, readModels, ITEMS, poisoned, ITEM_IDS);
        DocumentBatch pageBatch = DocumentBatch.of(unitOfWork, readModels, PAGES, poisoned);
        DocumentBatch heads = DocumentBatch.of(unitOfWork, readModels, COLLECTION, poisoned,
                DocumentBatch.idsOf(AgencyNotified.class, notified -> Stream.of(notified.agency().value())));
        String id = itemId(notice.agency(), notice.noticeId());
        // A notice handled again leaves its item, and a receipt it may have, as they are.
        if (itemBatch.get(id, absent -> null) == null) {
            itemBatch.put(id, new Document("_id", id).append("item", new Document("itemId", notice.noticeId())
                    .append("kind", notice.kind().wireName())
                    .append("journeyId", notice.journeyId().toString())
                    .append("entryIds", notice.entryIds().stream().map(EntryId::toString).toList())
                    .append("createdAt", at.toString())
                    .append("summary", notice.summary())
                    .append("deliverBy", notice.deliverBy() == null ? null : notice.deliverBy().toString())
                    .append("acknowledgedAt", null)));
        }
        Document head = heads.edit(notice.agency().value(), agency -> new Document("_id", agency));
        if (!PagedItems.holds(head, listed -> id.equals(listed.getString("id")))) {
            paging.append(head, pageBatch, new Document("id", id));
        }
    }

    @EventHandler
    void on(NoticeAcknowledged receipt, @Timestamp Instant at, UnitOfWork<?> unitOfWork) {
        DocumentBatch itemBatch = DocumentBatch.of(unitOfWork, readModels, ITEMS, poisoned, ITEM_IDS);
        String id = itemId(receipt.agency(), receipt.noticeId());
        Document stored = itemBatch.get(id, absent -> null);
        if (stored == null || stored.get("item", Document.class).get("acknowledgedAt") != null) {
            return;
        }
        Document item = itemBatch.edit(id, absent -> null).get("item", Document.class);
        item.put("acknowledgedAt", at.toString());
        item.put("acknowledgedBy", receipt.acknowledgedBy());
    }

    /**
     * An erased journey's notices stay in the agencies' inboxes, where they were delivered, but say nothing of it any
     * more: no entries, no summary (ADR 0015). Found by journey, a scan: erasures are rare.
     */
    @EventHandler
    void on(JourneyErased erased, UnitOfWork<?> unitOfWork) {
        DocumentBatch itemBatch = DocumentBatch.of(unitOfWork, readModels, ITEMS, poisoned, ITEM_IDS);
        String journeyId = erased.journeyId().toString();
        Set<Object> ids = new LinkedHashSet<>(itemBatch.heldIds(held -> journeyId.equals(
                held.get("item", Document.class).getString("journeyId"))));
        readModels.collection(ITEMS).find(eq("item.journeyId", journeyId)).forEach(found -> ids.add(found.get("_id")));
        for (Object id : ids) {
            Document item = itemBatch.edit(id, absent -> null).get("item", Document.class);
            item.put("entryIds", List.of());
            item.put("summary", ERASED);
        }
    }

    /**
     * One page of the agency's items, oldest first: page {@code n} of {@code pages}, where the last is the page
     * still filling; empty past the end.
     */
    Page page(AgencyCode agency, int n) {
        // One generation for the whole read, even if a rebuild switches meanwhile.
        ReadModels now = readModels.at(readModels.generation());
        Document head = now.collection(COLLECTION).find(eq("_id", agency.value())).first();
        if (head == null) {
            return new Page(List.of(), 1);
        }
        int pagesInAll = PagedItems.pagesOf(head) + 1;
        List<Document> listed = n < pagesInAll - 1 ? PagedItems.page(head, now.collection(PAGES), n)
                : n == pagesInAll - 1 ? PagedItems.open(head) : List.of();
        List<String> ids = listed.stream().map(entry -> entry.getString("id")).distinct().toList();
        Map<String, Document> byId = new HashMap<>();
        now.collection(ITEMS).find(in("_id", ids))
                .forEach(found -> byId.put(found.getString("_id"), found.get("item", Document.class)));
        return new Page(ids.stream().map(id -> Objects.requireNonNull(byId.get(id),
                "an inbox index names an item that is not stored")).toList(), pagesInAll);
    }

    /** The agency's item with this id, if it has one. */
    Optional<Document> item(AgencyCode agency, String itemId) {
        return Optional.ofNullable(readModels.collection(ITEMS).find(eq("_id", itemId(agency, itemId))).first())
                .map(found -> found.get("item", Document.class));
    }

    private static String itemId(AgencyCode agency, String noticeId) {
        return agency.value() + "/" + noticeId;
    }

    /** Items of one page, and how many pages the inbox has. */
    record Page(List<Document> items, int pagesInAll) {
    }
}

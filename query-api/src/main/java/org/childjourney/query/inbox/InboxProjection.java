package org.childjourney.query.inbox;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.NoticeAcknowledged;
import org.springframework.stereotype.Component;

/**
 * Projects notices and receipts into collection {@code inbox} (processing group {@code inbox}): one document per
 * agency, keyed by agency code. A redelivered notice is recognised by its id and not listed twice.
 */
@Component
@ProcessingGroup("inbox")
class InboxProjection {

    static final String COLLECTION = "inbox";

    private final MongoCollection<Document> inboxes;

    InboxProjection(MongoDatabase readModels) {
        this.inboxes = readModels.getCollection(COLLECTION);
    }

    @EventHandler
    void on(AgencyNotified notice, @Timestamp Instant at) {
        Document inbox = inbox(notice.agency());
        if (item(inbox, notice.noticeId()).isPresent()) {
            return;
        }
        items(inbox).add(new Document("itemId", notice.noticeId())
                .append("kind", notice.kind().wireName())
                .append("journeyId", notice.journeyId().toString())
                .append("entryIds", notice.entryIds().stream().map(EntryId::toString).toList())
                .append("createdAt", at.toString())
                .append("summary", notice.summary())
                .append("acknowledgedAt", null));
        save(inbox);
    }

    @EventHandler
    void on(NoticeAcknowledged receipt, @Timestamp Instant at) {
        Document inbox = inbox(receipt.agency());
        item(inbox, receipt.noticeId()).filter(item -> item.get("acknowledgedAt") == null).ifPresent(item -> {
            item.put("acknowledgedAt", at.toString());
            item.put("acknowledgedBy", receipt.acknowledgedBy());
            save(inbox);
        });
    }

    /** The agency's items, oldest first. */
    List<Document> items(AgencyCode agency) {
        return List.copyOf(items(inbox(agency)));
    }

    private Document inbox(AgencyCode agency) {
        Document found = inboxes.find(eq("_id", agency.value())).first();
        return found != null ? found : new Document("_id", agency.value()).append("items", new ArrayList<Document>());
    }

    private void save(Document inbox) {
        inboxes.replaceOne(eq("_id", inbox.getString("_id")), inbox, new ReplaceOptions().upsert(true));
    }

    private static Optional<Document> item(Document inbox, String itemId) {
        return items(inbox).stream().filter(item -> itemId.equals(item.getString("itemId"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Document> items(Document inbox) {
        return (List<Document>) inbox.get("items");
    }
}

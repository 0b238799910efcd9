package org.childjourney.query.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.disclosure.DisclosureLog;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindInbox} from the agency's inbox, a page at a time, recording the read (the items shown and the
 * journeys they concern) before the answer leaves. Asked for unacknowledged items, it passes over pages that hold
 * none, so that an agency polling its inbox gets the oldest it has not acknowledged.
 */
@Component
class InboxQueryHandler {

    private final InboxProjection inbox;
    private final DisclosureLog disclosures;

    InboxQueryHandler(InboxProjection inbox, DisclosureLog disclosures) {
        this.inbox = inbox;
        this.disclosures = disclosures;
    }

    @QueryHandler
    Inbox handle(FindInbox query) {
        int n = query.page();
        InboxProjection.Page page = inbox.page(query.agency(), n);
        List<InboxItem> items = shown(page, query.unacknowledged());
        while (items.isEmpty() && query.unacknowledged() && n + 1 < page.pagesInAll()) {
            page = inbox.page(query.agency(), ++n);
            items = shown(page, true);
        }
        disclosures.inboxRead(query.agency(), query.readBy(), items.stream().map(InboxItem::itemId).toList(),
                items.stream().map(item -> ChildJourneyId.of(item.journeyId())).distinct().toList());
        return new Inbox(items, n + 1 < page.pagesInAll() ? Integer.toString(n + 1) : null);
    }

    @QueryHandler
    Optional<String> handle(FindInboxItem query) {
        return inbox.item(query.agency(), query.itemId()).map(item -> item.getString("journeyId"));
    }

    private static List<InboxItem> shown(InboxProjection.Page page, boolean unacknowledged) {
        return page.items().stream()
                .filter(item -> !unacknowledged || item.get("acknowledgedAt") == null)
                .map(InboxQueryHandler::item)
                .toList();
    }

    private static InboxItem item(Document item) {
        String acknowledged = item.getString("acknowledgedAt");
        String deliverBy = item.getString("deliverBy");
        return new InboxItem(item.getString("itemId"), item.getString("kind"), item.getString("journeyId"),
                item.getList("entryIds", String.class), Instant.parse(item.getString("createdAt")),
                item.getString("summary"), deliverBy == null ? null : Instant.parse(deliverBy),
                acknowledged == null ? null : Instant.parse(acknowledged));
    }
}

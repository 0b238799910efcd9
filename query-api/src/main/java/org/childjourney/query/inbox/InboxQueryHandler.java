package org.childjourney.query.inbox;

import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.disclosure.DisclosureLog;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindInbox} from the agency's inbox document, recording the read (the items shown and the journeys
 * they concern) before the answer leaves.
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
        List<InboxItem> items = inbox.items(query.agency()).stream()
                .filter(item -> !query.unacknowledged() || item.get("acknowledgedAt") == null)
                .map(InboxQueryHandler::item)
                .toList();
        if (query.readBy() != null) {
            disclosures.inboxRead(query.agency(), query.readBy(), items.stream().map(InboxItem::itemId).toList(),
                    items.stream().map(item -> ChildJourneyId.of(item.journeyId())).distinct().toList());
        }
        return new Inbox(items);
    }

    private static InboxItem item(Document item) {
        String acknowledged = item.getString("acknowledgedAt");
        return new InboxItem(item.getString("itemId"), item.getString("kind"), item.getString("journeyId"),
                item.getList("entryIds", String.class), Instant.parse(item.getString("createdAt")),
                item.getString("summary"), acknowledged == null ? null : Instant.parse(acknowledged));
    }
}

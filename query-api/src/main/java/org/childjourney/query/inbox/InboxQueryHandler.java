package org.childjourney.query.inbox;

import java.time.Instant;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Answers {@link FindInbox} from the agency's inbox document. */
@Component
class InboxQueryHandler {

    private final InboxProjection inbox;

    InboxQueryHandler(InboxProjection inbox) {
        this.inbox = inbox;
    }

    @QueryHandler
    Inbox handle(FindInbox query) {
        return new Inbox(inbox.items(query.agency()).stream()
                .filter(item -> !query.unacknowledged() || item.get("acknowledgedAt") == null)
                .map(InboxQueryHandler::item)
                .toList());
    }

    private static InboxItem item(Document item) {
        String acknowledged = item.getString("acknowledgedAt");
        return new InboxItem(item.getString("itemId"), item.getString("kind"), item.getString("journeyId"),
                item.getList("entryIds", String.class), Instant.parse(item.getString("createdAt")),
                item.getString("summary"), acknowledged == null ? null : Instant.parse(acknowledged));
    }
}

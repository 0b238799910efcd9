package org.childjourney.query.inbox;

import java.util.List;

/** The answer to {@link FindInbox}. */
public record Inbox(List<InboxItem> items) {
}

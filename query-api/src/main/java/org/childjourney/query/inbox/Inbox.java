package org.childjourney.query.inbox;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@link FindInbox}: the items of a page, oldest first.
 *
 * @param next the page to ask for next, or {@code null} after the last
 */
public record Inbox(List<InboxItem> items, @Nullable String next) {
}

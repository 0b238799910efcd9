package org.childjourney.query.inbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item in an agency's inbox, as the contract shapes it, and when the agency should have it by
 * ({@code deliverBy}: an Operation Encompass notice's 08:00 on the next school day).
 */
public record InboxItem(String itemId, String kind, String journeyId, List<String> entryIds, Instant createdAt,
        String summary, @Nullable Instant deliverBy, @Nullable Instant acknowledgedAt) {
}

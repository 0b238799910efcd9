package org.childjourney.core.feedback;

import java.time.Instant;
import java.util.List;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.EntryId;
import org.jspecify.annotations.Nullable;

/**
 * A notice an entry raises for an agency's inbox. Its id is derived from the entry that raised it, its kind and the
 * agency, so that deriving it again (a replay, a retried batch) raises nothing new: the journey records a notice
 * once by its id.
 *
 * @param deliverBy when the agency should have it by (an Operation Encompass notice), or {@code null}
 */
public record Notice(String noticeId, AgencyCode agency, NoticeKind kind, List<EntryId> entryIds, String summary,
        @Nullable Instant deliverBy) {

    public Notice {
        entryIds = List.copyOf(entryIds);
    }

    static Notice derived(EntryId cause, AgencyCode agency, NoticeKind kind, List<EntryId> entryIds, String summary,
            @Nullable Instant deliverBy) {
        return new Notice(kind.wireName() + "-" + cause + "-" + agency.value(), agency, kind, entryIds, summary,
                deliverBy);
    }
}

package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A release or a decision not to share that the journey refused, as auditors read it beside the access log: who
 * asked, when, for which agency and entries, and why it was refused ({@code no-ground}, {@code not-on-journey}).
 *
 * @param decision {@code release} or {@code not-to-share}
 */
public record RefusedSharing(Instant at, String askedBy, @Nullable String agency, String decision, String toAgency,
        List<String> entryIds, String refusal) {
}

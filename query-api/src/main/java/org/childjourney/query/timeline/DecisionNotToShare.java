package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A practitioner's recorded decision not to share entries with an agency, and why: shown to auditors. */
public record DecisionNotToShare(Instant at, String decidedBy, @Nullable String agency, String toAgency,
        List<String> entryIds, String reason) {
}

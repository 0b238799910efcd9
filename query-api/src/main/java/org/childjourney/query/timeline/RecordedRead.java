package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.List;
import org.childjourney.core.access.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * One read of a journey as its disclosure record has it: who, when, for what, on what grounds, what was decided,
 * and the entries sent.
 */
public record RecordedRead(Instant at, Viewer viewer, String purpose, List<String> grounds, String decision,
        List<String> entriesDisclosed, @Nullable String policyVersion) {
}

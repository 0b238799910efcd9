package org.childjourney.query.breakglass;

import org.childjourney.core.access.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * The break-glass grants, oldest first: all of them, only those reviewed, or only those awaiting review; or the one
 * grant with {@code grantId}.
 *
 * @param auditor who asks: a listing is itself recorded
 */
public record FindGrants(Viewer auditor, @Nullable Boolean reviewed, @Nullable String grantId) {
}

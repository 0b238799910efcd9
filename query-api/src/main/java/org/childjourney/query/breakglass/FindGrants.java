package org.childjourney.query.breakglass;

import org.jspecify.annotations.Nullable;

/**
 * The break-glass grants, oldest first: all of them, only those reviewed, or only those awaiting review; or the one
 * grant with {@code grantId}.
 */
public record FindGrants(@Nullable Boolean reviewed, @Nullable String grantId) {
}

package org.childjourney.query.duplicates;

import org.childjourney.core.access.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * The possible duplicates, oldest first: all of them, or those {@code open} or {@code decided}.
 *
 * @param hub who asks: a listing is itself recorded
 */
public record FindPossibleDuplicates(Viewer hub, @Nullable String state) {
}

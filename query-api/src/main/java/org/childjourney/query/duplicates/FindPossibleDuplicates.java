package org.childjourney.query.duplicates;

import org.childjourney.core.access.Viewer;

/**
 * A page of the possible duplicates in one state ({@code open} or {@code decided}), oldest first.
 *
 * @param hub  who asks: a listing is itself recorded
 * @param page from 0, {@link #PAGE} tasks a page
 */
public record FindPossibleDuplicates(Viewer hub, String state, int page) {

    public static final int PAGE = 100;
}

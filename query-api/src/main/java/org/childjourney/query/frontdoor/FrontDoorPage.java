package org.childjourney.query.frontdoor;

import java.util.List;

/**
 * A page of the front door's worklist, and whether another follows (a sealed journey's item is left out of a page,
 * never out of the count).
 */
public record FrontDoorPage(List<FrontDoorItem> items, boolean more) {

    public FrontDoorPage {
        items = List.copyOf(items);
    }
}

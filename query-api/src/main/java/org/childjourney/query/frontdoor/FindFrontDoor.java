package org.childjourney.query.frontdoor;

import org.childjourney.core.access.Viewer;

/** A page of the front door's worklist, for a hub member. */
public record FindFrontDoor(Viewer hub, int page) {

    /** Items a page. */
    public static final int PAGE = 50;
}

package org.childjourney.query.inbox;

import org.childjourney.core.agency.AgencyCode;
import org.jspecify.annotations.Nullable;

/**
 * An agency's inbox items, optionally only those not yet acknowledged.
 *
 * @param readBy who reads them, for the disclosure record appended before they are sent; {@code null} only for the
 *               service's own check that an item exists, which sends none
 */
public record FindInbox(AgencyCode agency, boolean unacknowledged, @Nullable String readBy) {
}

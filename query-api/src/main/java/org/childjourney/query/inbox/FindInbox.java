package org.childjourney.query.inbox;

import org.childjourney.core.agency.AgencyCode;

/** An agency's inbox items, optionally only those not yet acknowledged. */
public record FindInbox(AgencyCode agency, boolean unacknowledged) {
}

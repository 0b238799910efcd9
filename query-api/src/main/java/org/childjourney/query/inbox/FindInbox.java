package org.childjourney.query.inbox;

import org.childjourney.core.agency.AgencyCode;

/**
 * One page of an agency's inbox items, optionally only those not yet acknowledged.
 *
 * @param page   the page to start from, 0 for the first
 * @param readBy who reads them, for the disclosure record appended before they are sent
 */
public record FindInbox(AgencyCode agency, boolean unacknowledged, int page, String readBy) {
}

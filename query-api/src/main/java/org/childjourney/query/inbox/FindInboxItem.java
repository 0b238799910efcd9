package org.childjourney.query.inbox;

import org.childjourney.core.agency.AgencyCode;

/**
 * The journey an item of an agency's inbox concerns, if the inbox holds it: where the service sends the agency's
 * receipt, which the journey then decides. Shows nothing to the caller.
 */
public record FindInboxItem(AgencyCode agency, String itemId) {
}

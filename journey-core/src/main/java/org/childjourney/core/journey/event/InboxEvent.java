package org.childjourney.core.journey.event;

import org.childjourney.core.agency.AgencyCode;

/** What flows back to an agency: notices raised for it, and its receipts for them. */
public sealed interface InboxEvent permits AgencyNotified, NoticeAcknowledged {

    AgencyCode agency();
}

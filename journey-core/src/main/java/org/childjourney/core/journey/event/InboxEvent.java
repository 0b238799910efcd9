package org.childjourney.core.journey.event;

import org.childjourney.core.agency.AgencyCode;

/** What flows back to an agency: notices raised for it, its reads of them, and its receipts for them. */
public sealed interface InboxEvent permits AgencyNotified, InboxRead, NoticeAcknowledged {

    AgencyCode agency();
}

package org.childjourney.core.journey.event;

import org.childjourney.core.agency.AgencyCode;

/**
 * An agency's own use of its inbox that is not about one journey: its reads of it. The notices raised for it and its
 * receipts for them are journey events ({@link AgencyNotified}, {@link NoticeAcknowledged}), decided by the journey.
 */
public sealed interface InboxEvent permits InboxRead {

    AgencyCode agency();
}

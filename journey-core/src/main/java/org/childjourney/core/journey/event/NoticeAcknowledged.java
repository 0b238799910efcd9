package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;

/** An agency's system acknowledged an inbox item: the receipt. */
@Revision("1")
public record NoticeAcknowledged(String noticeId, AgencyCode agency, String acknowledgedBy) implements InboxEvent {
}

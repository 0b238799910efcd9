package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;

/** An agency's system acknowledges a notice the journey raised for that agency. Acknowledging twice is once. */
public record AcknowledgeNotice(@TargetAggregateIdentifier ChildJourneyId journeyId, String noticeId,
        AgencyCode agency, String acknowledgedBy) {
}

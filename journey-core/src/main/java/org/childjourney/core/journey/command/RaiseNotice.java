package org.childjourney.core.journey.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;

/**
 * Raise a notice about this journey for an agency's inbox, carrying only a summary the agency may see.
 *
 * @param noticeId the inbox item's id, random, chosen by the service
 */
public record RaiseNotice(@TargetAggregateIdentifier ChildJourneyId journeyId, String noticeId, AgencyCode agency,
        NoticeKind kind, List<EntryId> entryIds, String summary) {

    public RaiseNotice {
        entryIds = List.copyOf(entryIds);
    }
}

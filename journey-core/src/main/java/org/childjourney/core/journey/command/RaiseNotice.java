package org.childjourney.core.journey.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.jspecify.annotations.Nullable;

/**
 * Raise a notice about this journey for an agency's inbox, carrying only a summary the agency may see.
 *
 * Raising a notice whose id the journey holds already records nothing: a notice derived from an entry is raised once,
 * however often it is derived.
 *
 * @param noticeId  the inbox item's id, chosen by the service: random, or derived from what caused it
 * @param deliverBy when the agency should have it by, or {@code null}
 */
public record RaiseNotice(@TargetAggregateIdentifier ChildJourneyId journeyId, String noticeId, AgencyCode agency,
        NoticeKind kind, List<EntryId> entryIds, String summary, @Nullable Instant deliverBy) {

    public RaiseNotice {
        entryIds = List.copyOf(entryIds);
    }
}

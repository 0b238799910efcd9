package org.childjourney.core.journey.event;

import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * Everything that happens to a child's journey, in the {@code ChildJourney} aggregate's stream: the entries agencies
 * submit, the decisions people take about sharing them (hub releases, decisions not to share and refusals of either,
 * sealing, break-glass grants and reviews), the notices the journey raises for agencies with their receipts, and the
 * possible duplicates raised for the hub with its decisions, and the links that make two journeys one child's.
 */
public sealed interface JourneyEvent permits JourneyEntry, EntriesReleased, SharingDeclined, JourneySealed,
        JourneyUnsealed, BreakGlassGranted, BreakGlassReviewed, SharingRefused, AgencyNotified, NoticeAcknowledged,
        PossibleDuplicateRaised, PossibleDuplicateResolved, JourneysLinked, JourneysUnlinked, JourneyErased,
        ContentErased {

    /**
     * The journey; {@code null} only for a receipt stored before the journey decided them ({@code NoticeAcknowledged}
     * revision 1), which is in no journey's stream.
     */
    @Nullable ChildJourneyId journeyId();
}

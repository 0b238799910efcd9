package org.childjourney.core.journey.event;

import org.childjourney.core.journey.ChildJourneyId;

/**
 * Everything that happens to a child's journey, in the {@code ChildJourney} aggregate's stream: the entries agencies
 * submit, and the decisions people take about sharing them (hub releases, decisions not to share, sealing).
 */
public sealed interface JourneyEvent permits JourneyEntry, EntriesReleased, SharingDeclined, JourneySealed,
        JourneyUnsealed, BreakGlassGranted, BreakGlassReviewed, SharingRefused, AgencyNotified, NoticeAcknowledged {

    ChildJourneyId journeyId();
}

package org.childjourney.query.sharing;

import org.childjourney.core.journey.ChildJourneyId;

/** Whether the record holds a journey with this id, as of the event store's latest event. */
record JourneyHeld(ChildJourneyId journeyId) {
}

package org.childjourney.query.links;

import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/** Record that two journeys are one child's, on both, with the evidence and who decided. */
public record LinkJourneys(ChildJourneyId journeyId, ChildJourneyId otherJourneyId, Viewer linkedBy,
        Sensitive<String> evidence) {
}

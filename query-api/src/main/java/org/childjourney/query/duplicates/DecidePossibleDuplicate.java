package org.childjourney.query.duplicates;

import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.DuplicateDecision;
import org.childjourney.core.person.Sensitive;

/** Record the hub's decision on a possible duplicate, on both journeys that hold it. */
public record DecidePossibleDuplicate(ChildJourneyId journeyId, String taskId, Viewer decidedBy,
        DuplicateDecision decision, Sensitive<String> evidence) {
}

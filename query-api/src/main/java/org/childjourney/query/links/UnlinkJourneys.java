package org.childjourney.query.links;

import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/** Undo the link between two journeys, on both, with who decided and, if given, why. */
public record UnlinkJourneys(ChildJourneyId journeyId, ChildJourneyId otherJourneyId, Viewer unlinkedBy,
        @Nullable Sensitive<String> evidence) {
}

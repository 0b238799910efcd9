package org.childjourney.query.timeline;

import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.Reader;

/** Read a child's timeline, as this reader, for this purpose. */
public record FindTimeline(ChildJourneyId journeyId, Reader reader) {
}

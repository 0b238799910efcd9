package org.childjourney.query.accesses;

import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.Reader;

/** List who has read a child's journey, as this reader, for this purpose. */
public record FindAccesses(ChildJourneyId journeyId, Reader reader) {
}

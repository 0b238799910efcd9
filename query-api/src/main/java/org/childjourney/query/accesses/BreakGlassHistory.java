package org.childjourney.query.accesses;

import java.time.Instant;
import java.util.List;
import org.childjourney.core.journey.ChildJourneyId;

/** A reader's earlier break-glass reads of a journey, from the access log, for {@code BreakGlass} windows. */
public interface BreakGlassHistory {

    List<Instant> breakGlassReads(ChildJourneyId journeyId, String username);
}

package org.childjourney.query.accesses;

import java.time.Instant;
import java.util.Optional;
import org.childjourney.core.journey.ChildJourneyId;

/** When a reader first broke glass on a journey, from the access log: the start of their bounded window. */
public interface BreakGlassHistory {

    Optional<Instant> firstBreakGlass(ChildJourneyId journeyId, String username);
}

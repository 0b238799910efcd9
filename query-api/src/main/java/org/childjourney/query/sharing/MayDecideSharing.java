package org.childjourney.query.sharing;

import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.Reader;

/**
 * Whether this reader may record a release or a decision not to share on the journey: a ground recorded on it for
 * their purpose (for a release, the hub's). Answered {@code false} for a journey the record does not hold.
 */
record MayDecideSharing(ChildJourneyId journeyId, Reader reader) {
}

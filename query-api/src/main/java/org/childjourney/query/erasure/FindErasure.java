package org.childjourney.query.erasure;

import org.childjourney.core.journey.ChildJourneyId;

/** Whether, when, by whom and why the journey was erased, and whether its key is gone. */
public record FindErasure(ChildJourneyId journeyId) {
}

package org.childjourney.query.security;

import org.childjourney.core.journey.ChildJourneyId;

/** Journey ids as they arrive in URLs. */
public final class JourneyIds {

    private JourneyIds() {
    }

    /** @throws InvalidReadRequest if the text is not a journey id */
    public static ChildJourneyId parse(String text) {
        try {
            return ChildJourneyId.of(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidReadRequest("journeyId", "is not a journey id");
        }
    }
}

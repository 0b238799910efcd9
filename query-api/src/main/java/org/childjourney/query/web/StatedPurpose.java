package org.childjourney.query.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.childjourney.core.access.BreakGlass;
import org.childjourney.core.access.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * The purpose (and, for emergency access, the justification) a practitioner stated when they found a journey: kept
 * in their session for that journey, never in a URL, and stated again with every read of it from the pages. It is
 * theirs alone ({@code subject}: another sign-in in the same browser session starts again from the search), and an
 * emergency purpose lasts no longer than the emergency access it opened.
 */
record StatedPurpose(Purpose purpose, @Nullable String justification, String subject, Instant statedAt)
        implements Serializable {

    private static final String PREFIX = "stated-purpose ";

    void keepFor(String journeyId, HttpSession session) {
        session.setAttribute(PREFIX + journeyId, this);
    }

    /** The purpose this person stated for the journey, if they did and it still holds. */
    static Optional<StatedPurpose> of(String journeyId, String subject, Instant now, HttpSession session) {
        return Optional.ofNullable((StatedPurpose) session.getAttribute(PREFIX + journeyId))
                .filter(stated -> stated.subject.equals(subject))
                .filter(stated -> stated.purpose != Purpose.EMERGENCY
                        || now.isBefore(stated.statedAt.plus(BreakGlass.WINDOW)));
    }
}

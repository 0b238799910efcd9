package org.childjourney.query.review;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.Reader;
import org.jspecify.annotations.Nullable;

/**
 * The review bundle of a journey (and those linked to it) for the period from {@code from} to {@code to} (either
 * open), as this reader: an auditor, for {@code case-review}.
 */
public record FindReviewBundle(ChildJourneyId journeyId, Reader reader, @Nullable Instant from,
        @Nullable Instant to) {

    /** Reviews speak of days in England. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /**
     * The bundle for a period given as days ({@code 2026-09-01}, from its start, to its end, in England's time) or
     * instants, either end open when blank.
     *
     * @throws InvalidReadRequest for an end that is neither
     */
    public static FindReviewBundle of(ChildJourneyId journeyId, Reader reader, @Nullable String from,
            @Nullable String to) {
        return new FindReviewBundle(journeyId, reader, instant("from", from, false), instant("to", to, true));
    }

    private static @Nullable Instant instant(String field, @Nullable String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.contains("T") ? Instant.parse(text.strip())
                    : LocalDate.parse(text.strip()).plusDays(endOfDay ? 1 : 0).atStartOfDay(ENGLAND).toInstant()
                            .minusNanos(endOfDay ? 1 : 0);
        } catch (DateTimeException neither) {
            throw new InvalidReadRequest(field, "must be a date (2026-09-01) or an instant (2026-09-01T00:00:00Z)");
        }
    }
}

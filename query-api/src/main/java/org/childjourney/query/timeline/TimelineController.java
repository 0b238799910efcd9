package org.childjourney.query.timeline;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.JourneyGone;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/journeys/{journeyId}/timeline}: a practitioner reads a child's timeline for a stated purpose.
 * {@code 403} when the policy refuses, with the same body whether or not the journey exists. With {@code asAt} (an
 * auditor, for a case review): the timeline exactly as it had been recorded by then; with {@code viewer} (and
 * {@code viewerPurpose}) also what that viewer's reads disclosed and would have been shown.
 */
@RestController
class TimelineController {

    private final QueryGateway queries;
    private final Readers readers;

    TimelineController(QueryGateway queries, Readers readers) {
        this.queries = queries;
        this.readers = readers;
    }

    @Operation(summary = "Read a child's timeline for a stated purpose (X-Purpose); auditors may ask as at an "
            + "instant, and for what a viewer saw then")
    @GetMapping("/api/v1/journeys/{journeyId}/timeline")
    Object timeline(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestHeader(name = Reader.JUSTIFICATION_HEADER, required = false) String justification,
            @RequestParam(required = false) @Nullable String asAt,
            @RequestParam(required = false) @Nullable String viewer,
            @RequestParam(required = false) @Nullable String viewerPurpose) {
        Reader reader = readers.of(token, purpose, justification);
        ChildJourneyId journey = JourneyIds.parse(journeyId);
        if (asAt != null) {
            TimelineAsAtRead read = queries.query(new FindTimelineAsAt(journey, reader, instant(asAt), viewer,
                    viewerPurpose == null ? null : Purpose.fromHeader(viewerPurpose).orElseThrow(
                            () -> new InvalidReadRequest("viewerPurpose", "must be one of the purposes of X-Purpose"))),
                    ResponseTypes.instanceOf(TimelineAsAtRead.class)).join();
            if (read instanceof TimelineAsAtRead.Shown shown) {
                return shown.timeline();
            }
            throw new ReadRefused();
        }
        TimelineRead read = queries.query(new FindTimeline(journey, reader),
                ResponseTypes.instanceOf(TimelineRead.class)).join();
        if (read instanceof TimelineRead.Shown shown) {
            return shown.timeline();
        }
        if (read instanceof TimelineRead.Erased erased) {
            throw new JourneyGone(erased.erasure());
        }
        throw new ReadRefused();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidReadRequest("asAt", "must be an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z");
        }
    }
}

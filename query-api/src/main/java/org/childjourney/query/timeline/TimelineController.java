package org.childjourney.query.timeline;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/journeys/{journeyId}/timeline}: a practitioner reads a child's timeline for a stated purpose.
 * {@code 403} when the policy refuses, with the same body whether or not the journey exists.
 */
@RestController
class TimelineController {

    private final QueryGateway queries;
    private final Readers readers;

    TimelineController(QueryGateway queries, Readers readers) {
        this.queries = queries;
        this.readers = readers;
    }

    @Operation(summary = "Read a child's timeline for a stated purpose (X-Purpose)")
    @GetMapping("/api/v1/journeys/{journeyId}/timeline")
    Timeline timeline(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestHeader(name = Reader.JUSTIFICATION_HEADER, required = false) String justification) {
        Reader reader = readers.of(token, purpose, justification);
        TimelineRead read = queries.query(new FindTimeline(JourneyIds.parse(journeyId), reader),
                ResponseTypes.instanceOf(TimelineRead.class)).join();
        if (read instanceof TimelineRead.Shown shown) {
            return shown.timeline();
        }
        throw new ReadRefused();
    }
}

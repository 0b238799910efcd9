package org.childjourney.query.accesses;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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

/** {@code GET /api/v1/journeys/{journeyId}/accesses}: who read this child's record, when, why, with what decision. */
@RestController
class AccessLogController {

    private final QueryGateway queries;
    private final Readers readers;

    AccessLogController(QueryGateway queries, Readers readers) {
        this.queries = queries;
        this.readers = readers;
    }

    @Operation(summary = "List who read a child's journey (auditors, or practitioners who may read it)")
    @GetMapping("/api/v1/journeys/{journeyId}/accesses")
    AccessLog accesses(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestHeader(name = Reader.JUSTIFICATION_HEADER, required = false) String justification) {
        Reader reader = readers.of(token, purpose, justification);
        AccessLogRead read = queries.query(new FindAccesses(JourneyIds.parse(journeyId), reader),
                ResponseTypes.instanceOf(AccessLogRead.class)).join();
        if (read instanceof AccessLogRead.Shown shown) {
            return shown.log();
        }
        throw new ReadRefused();
    }
}

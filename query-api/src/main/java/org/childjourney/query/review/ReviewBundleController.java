package org.childjourney.query.review;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.JourneyGone;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/journeys/{journeyId}/review-bundle?from=&to=} (auditors, {@code X-Purpose: case-review}): the
 * review bundle as JSON. With {@code Accept: text/html} the same bundle is a printable chronology (the pages'
 * {@code ReviewBundlePages}). Anyone else, and a journey the record does not hold, get the same {@code 403} as a
 * refused read.
 */
@RestController
class ReviewBundleController {

    private final QueryGateway queries;
    private final Readers readers;

    ReviewBundleController(QueryGateway queries, Readers readers) {
        this.queries = queries;
        this.readers = readers;
    }

    @Operation(summary = "Everything a case review needs of a child's record for a period, as JSON, or with "
            + "Accept: text/html as a printable chronology (auditor, X-Purpose: case-review)")
    // JSON for application/json, */* and no Accept; text/html and application/pdf are ReviewBundlePages'. Any other
    // Accept is 406 before anything is read.
    @GetMapping(value = "/api/v1/journeys/{journeyId}/review-bundle", produces = MediaType.APPLICATION_JSON_VALUE)
    ReviewBundle bundle(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        ReviewBundleRead read = queries.query(FindReviewBundle.of(JourneyIds.parse(journeyId),
                readers.of(token, purpose, null), from, to), ResponseTypes.instanceOf(ReviewBundleRead.class)).join();
        if (read instanceof ReviewBundleRead.Shown shown) {
            return shown.bundle();
        }
        if (read instanceof ReviewBundleRead.Erased erased) {
            throw new JourneyGone(erased.erasure());
        }
        throw new ReadRefused();
    }
}

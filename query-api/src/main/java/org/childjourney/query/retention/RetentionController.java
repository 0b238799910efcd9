package org.childjourney.query.retention;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.Readers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/retention-reviews?dueBy=<year>} (administrators): the journeys whose records are due for
 * review by the end of that year under the deployment's retention schedule, earliest first, for the records
 * manager's decision. It names journeys, never children; disposal is an erasure, decided and recorded by a person.
 */
@RestController
class RetentionController {

    private final QueryGateway queries;

    RetentionController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Journeys due for retention review by the end of a year (admin)")
    @GetMapping("/api/v1/admin/retention-reviews")
    RetentionReview.Due due(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String dueBy) {
        Readers.administrator(token);
        if (dueBy == null || !dueBy.matches("\\d{4}")) {
            throw new InvalidReadRequest("dueBy", "must be a year, such as 2051");
        }
        return queries.query(new FindRetentionReviews(Integer.parseInt(dueBy)),
                ResponseTypes.instanceOf(RetentionReview.Due.class)).join();
    }
}

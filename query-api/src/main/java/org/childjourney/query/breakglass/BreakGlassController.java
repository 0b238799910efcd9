package org.childjourney.query.breakglass;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.query.security.Readers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' review of emergency access: {@code GET /api/v1/audit/break-glass?reviewed=false} lists the grants
 * (the queue: those not yet reviewed), {@code POST /api/v1/audit/break-glass/{grantId}/review} records a finding on
 * the grant's journey. Auditors only; anyone else gets the same {@code 403} as a refused read. A listing is recorded
 * as a read of the audit trail.
 */
@RestController
class BreakGlassController {

    private final QueryGateway queries;
    private final CommandGateway commands;

    BreakGlassController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Operation(summary = "The break-glass grants, by default only those awaiting review (auditor)")
    @GetMapping("/api/v1/audit/break-glass")
    Map<String, List<QueuedGrant>> grants(@AuthenticationPrincipal Jwt token,
            @RequestParam(name = "reviewed", required = false) @Nullable Boolean reviewed) {
        return Map.of("items", GrantReview.grants(queries, new FindGrants(auditor(token), reviewed, null)));
    }

    @Operation(summary = "Record the review of a break-glass grant: justified or not, and why (auditor)")
    @PostMapping("/api/v1/audit/break-glass/{grantId}/review")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> review(@AuthenticationPrincipal Jwt token, @PathVariable String grantId,
            @Valid @RequestBody GrantReview body) {
        if (!body.record(queries, commands, auditor(token), grantId)) {
            throw new NoSuchGrant();
        }
        return Map.of("grantId", grantId, "outcome", body.outcome());
    }

    @ExceptionHandler(NoSuchGrant.class)
    ProblemDetail noSuchGrant() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No break-glass grant has this id (a grant opened a moment ago may take a moment to appear).");
        problem.setTitle("No such grant");
        return problem;
    }

    /** A review names a grant the queue does not hold. */
    static final class NoSuchGrant extends RuntimeException {

        NoSuchGrant() {
            super("no such grant");
        }
    }

    private static Viewer auditor(Jwt token) {
        return Readers.holding(token, Role.AUDITOR);
    }
}

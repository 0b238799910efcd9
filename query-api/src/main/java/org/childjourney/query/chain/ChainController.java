package org.childjourney.query.chain;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.query.security.Readers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence, for administrators: {@code GET /api/v1/admin/chain/checkpoints} exports the checkpoints to keep
 * outside the system, once a walk has found the chain intact ({@code 409} if not);
 * {@code POST /api/v1/admin/chain/verifications} walks the chain, against the exported
 * checkpoints given back as the body (or none), and names the first broken link. Anyone else gets the same
 * {@code 403} as a refused read.
 */
@RestController
@RequestMapping("/api/v1/admin/chain")
class ChainController {

    private final QueryGateway queries;

    ChainController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The chain's head and checkpoints, to keep outside the system (admin)")
    @GetMapping("/checkpoints")
    KeptCheckpoints checkpoints(@AuthenticationPrincipal Jwt token) {
        Readers.administrator(token);
        try {
            return queries.query(new FindCheckpoints(), ResponseTypes.instanceOf(KeptCheckpoints.class)).join();
        } catch (CompletionException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ChainBroken broken) {
                    throw broken;
                }
            }
            throw failure;
        }
    }

    /** A chain that does not hold has no checkpoint worth keeping: {@code 409}, with where it broke. */
    @ExceptionHandler(ChainBroken.class)
    ProblemDetail broken(ChainBroken broken) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The event chain does not hold:"
                + " no checkpoint of it is worth keeping. Verify it to see where it breaks.");
        problem.setType(URI.create("urn:childjourney:problem:chain-broken"));
        problem.setTitle("The event chain is broken");
        problem.setProperty("verdict", broken.verdict());
        return problem;
    }

    @Operation(summary = "Walk the chain, against checkpoints kept outside, and name the first broken link (admin)")
    @PostMapping("/verifications")
    Verdict verify(@AuthenticationPrincipal Jwt token, @RequestBody(required = false) @Nullable KeptCheckpoints kept) {
        Readers.administrator(token);
        return queries.query(new VerifyChain(kept == null ? new KeptCheckpoints(null, null) : kept),
                ResponseTypes.instanceOf(Verdict.class)).join();
    }
}

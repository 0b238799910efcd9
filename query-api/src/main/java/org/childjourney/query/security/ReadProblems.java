package org.childjourney.query.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.childjourney.core.access.Erasure;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems for reads. A refusal is one fixed body, whatever the reason, so that it reveals nothing about whether
 * the child exists or what was withheld.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadProblems {

    private static final Logger log = LoggerFactory.getLogger(ReadProblems.class);

    @ExceptionHandler(InvalidReadRequest.class)
    ProblemDetail invalid(InvalidReadRequest invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-read", "Invalid read request",
                invalid.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        return problem;
    }

    @ExceptionHandler(ReadRefused.class)
    ProblemDetail refused() {
        return refusal();
    }

    /** An auditor's read of an erased journey: that it existed and was erased, nothing of what it held. */
    @ExceptionHandler(JourneyGone.class)
    ProblemDetail gone(JourneyGone gone) {
        Erasure erasure = gone.erasure();
        ProblemDetail problem = problem(HttpStatus.GONE, "journey-erased", "Erased",
                "The journey's content was erased; the erasure and the record of its reads are kept.");
        problem.setProperty("journeyId", erasure.journeyId().toString());
        problem.setProperty("erasedBy", erasure.erasedBy().username());
        problem.setProperty("erasedAt", erasure.erasedAt().toString());
        problem.setProperty("ground", erasure.ground().wireName());
        problem.setProperty("reason", erasure.reason());
        return problem;
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests tooMany) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                        "This caller has sent more requests than it may; nothing was read or recorded. Send it again "
                                + "after the Retry-After interval."));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request has invalid fields; nothing was recorded.");
        problem.setProperty("errors", invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return problem;
    }

    /** A decision the journey's rules refuse (an entry not on the journey, sealing twice): nothing was recorded. */
    @ExceptionHandler({JourneyRuleViolation.class, CommandExecutionException.class})
    ProblemDetail ruleBroken(RuntimeException failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof JourneyRuleViolation violation) {
            return problem(HttpStatus.CONFLICT, "journey-rule", "Refused by the journey's rules",
                    "Nothing was recorded: " + violation.rule().description() + ".");
        }
        log.error("command failed: {}", cause.getClass().getName());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "command-failed", "Not recorded",
                "The decision could not be recorded; nothing was changed.");
    }

    /** A decision the journey refused and recorded: nothing changed but the record of the refusal. */
    @ExceptionHandler(DecisionRefused.class)
    ProblemDetail decisionRefused(DecisionRefused refused) {
        return problem(HttpStatus.CONFLICT, "journey-rule", "Refused by the journey's rules",
                "Nothing changed: " + refused.getMessage() + ". The refusal is recorded.");
    }

    /** Failures inside a query handler reach the controller wrapped; unwrap the two that are answers. */
    @ExceptionHandler(CompletionException.class)
    ProblemDetail failed(CompletionException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ReadRefused) && !(cause instanceof InvalidReadRequest)) {
            cause = cause.getCause();
        }
        if (cause instanceof ReadRefused) {
            return refusal();
        }
        if (cause instanceof InvalidReadRequest invalid) {
            return invalid(invalid);
        }
        log.error("read failed: {}", cause.getClass().getName());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "read-failed", "Read failed",
                "The read could not be completed and nothing was disclosed.");
    }

    private static ProblemDetail refusal() {
        return problem(HttpStatus.FORBIDDEN, "read-refused", "Forbidden",
                "This record cannot be read by you for this purpose. If you need it, ask your safeguarding lead "
                        + "or the multi-agency safeguarding hub.");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:childjourney:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}

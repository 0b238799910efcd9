package org.childjourney.gateway.intake;

import java.net.URI;
import org.axonframework.commandhandling.CommandExecutionException;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every way a submission can fail into an RFC 9457 problem: the same mapping for single submissions and
 * for each line of a batch. Details name fields and rules, never values.
 */
@RestControllerAdvice
class IntakeProblems {

    private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);

    /** How long a batch turned away for want of room is asked to wait before it is sent again. */
    static final String RETRY_BATCH_AFTER_SECONDS = "5";

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> handle(RuntimeException failure) {
        ProblemDetail problem = problem(failure);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        if (failure instanceof BatchesBusy) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_BATCH_AFTER_SECONDS);
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The problem a failed submission answers with. */
    static ProblemDetail problem(RuntimeException failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof InvalidSubmission invalid) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-submission", "Invalid submission",
                    "The submission has invalid fields; nothing was stored.");
            problem.setProperty("errors", invalid.errors());
            return problem;
        }
        if (cause instanceof SubmissionConflict) {
            return problem(HttpStatus.CONFLICT, "source-record-reused", "Source record id already used",
                    "This agency already submitted different content under this sourceRecordId; nothing was stored.");
        }
        if (cause instanceof SubmissionNotPermitted
                || cause instanceof JourneyRuleViolation violation && violation.refusesTheSender()) {
            return problem(HttpStatus.FORBIDDEN, "submission-not-permitted", "Submission not permitted",
                    "This agency may not send this submission; nothing was stored.");
        }
        if (cause instanceof JourneyRuleViolation violation) {
            return problem(HttpStatus.CONFLICT, "journey-rule", "Refused by the journey's rules",
                    "Nothing was stored: " + violation.rule().description() + ".");
        }
        if (cause instanceof MalformedJson) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Body is not valid JSON",
                    "The body is not a JSON object the gateway reads (at most 16 levels deep); nothing was stored.");
        }
        if (cause instanceof BodyTooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
                    "The request passed the gateway's limits on body size or batch lines; nothing of it was "
                            + "stored. Send it in smaller parts.");
        }
        if (cause instanceof BatchesBusy) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "batches-busy", "Too many batches at once",
                    "The gateway is handling as many batches as it holds at once; nothing was stored. Send it again "
                            + "after the Retry-After interval.");
        }
        if (cause instanceof UnregisteredAgency) {
            return problem(HttpStatus.FORBIDDEN, "unregistered-agency", "Forbidden",
                    "The caller's token names no agency registered with the gateway.");
        }
        log.error("submission failed unexpectedly: {}", causes(cause));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "intake-failed", "Submission not recorded",
                "The submission could not be recorded and nothing was stored; it is safe to send again.");
    }

    /** The chain of exception types, without messages, which may quote data. */
    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:childjourney:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}

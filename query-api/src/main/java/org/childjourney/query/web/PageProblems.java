package org.childjourney.query.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.childjourney.query.security.DecisionRefused;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.TooManyRequests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' answers to what the API answers with problem+json, as pages. A refusal says what to do next and nothing
 * about whether the child exists or what the record holds: one page for every refusal. An unexpected failure is
 * logged by its class alone (its message may quote what was asked) and changes nothing.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(ReadRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused() {
        return "refused";
    }

    @ExceptionHandler(InvalidReadRequest.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(InvalidReadRequest invalid) {
        return problem(invalid.field(), invalid.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView malformed() {
        return problem(null, "the page was sent without what it needs; nothing was read or recorded");
    }

    @ExceptionHandler(TooManyRequests.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    ModelAndView tooMany(TooManyRequests tooMany, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
        return problem(null, "you have asked for more pages than you may in a moment; nothing was read or "
                + "recorded. Try again in " + tooMany.retryAfterSeconds() + " seconds");
    }

    @ExceptionHandler(DecisionRefused.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView decisionRefused(DecisionRefused refused) {
        return problem(null, "nothing changed: " + refused.getMessage() + ". The refusal is recorded");
    }

    /** A decision the journey's rules refuse, or a command that failed: nothing was recorded. */
    @ExceptionHandler({JourneyRuleViolation.class, CommandExecutionException.class})
    ModelAndView ruleBroken(RuntimeException failure, HttpServletResponse response) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof JourneyRuleViolation violation) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return problem(null, "nothing was recorded: " + violation.rule().description());
        }
        return failed(cause, response);
    }

    /** Failures inside a query handler reach the page wrapped; unwrap the two that are answers. */
    @ExceptionHandler(CompletionException.class)
    Object unwrapped(CompletionException failure, HttpServletResponse response) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ReadRefused) && !(cause instanceof InvalidReadRequest)) {
            cause = cause.getCause();
        }
        if (cause instanceof ReadRefused) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return refused();
        }
        if (cause instanceof InvalidReadRequest invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return invalid(invalid);
        }
        return failed(cause, response);
    }

    private static ModelAndView failed(Throwable cause, HttpServletResponse response) {
        log.error("page failed: {}", cause.getClass().getName());
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        return new ModelAndView("error");
    }

    private static ModelAndView problem(@Nullable String field, String problem) {
        return new ModelAndView("problem").addObject("field", field).addObject("problem", problem);
    }
}

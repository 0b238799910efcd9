package org.childjourney.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.query.security.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/dead-letters} and {@code POST /api/v1/admin/dead-letters/{group}:retry} (role
 * {@code admin}): the journeys whose events wait in the read models' dead-letter queues, and a retry once the cause
 * is mended. Lists journey ids, counts, times and the failure's types only: nothing of a child's record.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    private final QueryGateway queries;
    private final CommandGateway commands;

    DeadLetterController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Operation(summary = "The journeys whose events wait in a dead-letter queue, by processing group")
    @GetMapping
    Map<String, List<DeadLetters.WaitingSequence>> waiting(@AuthenticationPrincipal Jwt token) {
        Readers.administrator(token);
        return Map.of("sequences", queries.query(new FindDeadLetters(),
                ResponseTypes.multipleInstancesOf(DeadLetters.WaitingSequence.class)).join());
    }

    @Operation(summary = "Hand a group's waiting journeys to its projections again, each in order")
    @PostMapping("/{group}:retry")
    Map<String, Object> retry(@AuthenticationPrincipal Jwt token, @PathVariable String group) {
        Readers.administrator(token);
        DeadLetters.Retried retried = commands.sendAndWait(new RetryDeadLetters(group));
        return Map.of("group", group, "applied", retried.applied(), "waiting", retried.waiting());
    }

    @ExceptionHandler(UnknownProcessingGroup.class)
    ProblemDetail unknownGroup() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No read model's processing group has this name.");
        problem.setTitle("No such dead-letter queue");
        return problem;
    }
}

package org.childjourney.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.query.readmodel.OtherInstancesAlive;
import org.childjourney.query.security.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/rebuilds} starts a rebuild of every read model beside the live ones ({@code 202}, or
 * the id of the one already running); {@code GET /api/v1/admin/rebuilds/{rebuildId}} says where it stands. Reads
 * answer throughout. Administrators only.
 */
@RestController
@RequestMapping("/api/v1/admin/rebuilds")
class RebuildController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    RebuildController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Rebuild every read model beside the live ones, then switch (admin)")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> start(@AuthenticationPrincipal Jwt token) {
        Readers.administrator(token);
        String rebuildId = commands.sendAndWait(new StartRebuild());
        return Map.of("rebuildId", rebuildId);
    }

    @ExceptionHandler(OtherInstancesAlive.class)
    ProblemDetail otherInstancesAlive() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Other instances of the query "
                + "API are running: a rebuild runs with one (stop the others; they follow the switch when started).");
        problem.setTitle("A rebuild needs one query API instance");
        return problem;
    }

    @Operation(summary = "Where a rebuild stands: running, switched or failed, with events done and in all (admin)")
    @GetMapping("/{rebuildId}")
    ResponseEntity<RebuildStatus> status(@AuthenticationPrincipal Jwt token, @PathVariable String rebuildId) {
        Readers.administrator(token);
        Optional<RebuildStatus> status = queries.query(new FindRebuild(rebuildId),
                ResponseTypes.optionalInstanceOf(RebuildStatus.class)).join();
        return ResponseEntity.of(status);
    }
}

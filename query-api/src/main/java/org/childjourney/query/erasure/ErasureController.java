package org.childjourney.query.erasure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Role;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ErasureGround;
import org.childjourney.core.journey.command.EraseJourney;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/journeys/{id}/erasure} (administrators): the journey records its erasure, then the services
 * carry it out ({@link JourneyErasures}), so the answer is {@code 202} with where to follow it.
 * {@code GET} the same (auditors and administrators): the erasure as the audit trail keeps it, and whether its key
 * is gone. A journey the record does not hold, and a caller who may not, get the same {@code 403} as a refused read;
 * a journey erased already, or linked to another, {@code 409}.
 */
@RestController
class ErasureController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    ErasureController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Erase a journey's content, on a ground the law gives (admin); the erasure is recorded")
    @PostMapping("/api/v1/journeys/{journeyId}/erasure")
    ResponseEntity<ErasureRecord> erase(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @Valid @RequestBody ErasureRequest body) {
        ChildJourneyId journey = JourneyIds.parse(journeyId);
        try {
            commands.sendAndWait(new EraseJourney(journey, Readers.administrator(token),
                    ErasureGround.ofWireName(body.ground()), body.reason()));
        } catch (AggregateNotFoundException unknown) {
            throw new ReadRefused();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/journeys/" + journey + "/erasure"))
                .body(found(journey));
    }

    @Operation(summary = "A journey's erasure: who, when, on what ground, why, and whether its key is gone "
            + "(auditor, admin)")
    @GetMapping("/api/v1/journeys/{journeyId}/erasure")
    ErasureRecord erasure(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId) {
        Readers.holding(token, Role.AUDITOR, Role.ADMIN);
        return found(JourneyIds.parse(journeyId));
    }

    private ErasureRecord found(ChildJourneyId journey) {
        ErasureRecord erasure = queries.query(new FindErasure(journey),
                ResponseTypes.instanceOf(ErasureRecord.Found.class)).join().erasure();
        if (erasure == null) {
            throw new ReadRefused();
        }
        return erasure;
    }
}

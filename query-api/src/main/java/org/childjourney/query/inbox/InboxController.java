package org.childjourney.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Role;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.childjourney.core.journey.command.AcknowledgeNotice;
import org.childjourney.query.security.ReadRefused;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox?unacknowledged=true&page=} and {@code POST /api/v1/inbox/{itemId}/ack}: an agency system
 * reads its own agency's inbox (the agency is the token's), a page at a time ({@code next} names the page after),
 * and acknowledges items; each receipt is decided and recorded by the journey the item concerns.
 */
@RestController
class InboxController {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final AgencyRegister register;

    InboxController(QueryGateway queries, CommandGateway commands, AgencyRegister register) {
        this.queries = queries;
        this.commands = commands;
        this.register = register;
    }

    /**
     * Reading the inbox is a read of the record: the items shown, and the journeys they concern, are recorded
     * ({@code InboxRead}) before they are sent; if the record cannot be stored, nothing is.
     */
    @Operation(summary = "A page of the caller's agency inbox (agency-system), oldest first; the read is recorded "
            + "before the items are sent")
    @GetMapping("/api/v1/inbox")
    Inbox items(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "false") boolean unacknowledged,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page) {
        return queries.query(new FindInbox(agency(token), unacknowledged, page,
                KeycloakClaims.username(token.getClaims(), token.getSubject())), ResponseTypes.instanceOf(Inbox.class))
                .join();
    }

    @Operation(summary = "Acknowledge an inbox item (agency-system); the receipt is recorded")
    @PostMapping("/api/v1/inbox/{itemId}/ack")
    ResponseEntity<Void> acknowledge(@AuthenticationPrincipal Jwt token, @PathVariable String itemId) {
        AgencyCode agency = agency(token);
        Optional<String> journeyId = queries.query(new FindInboxItem(agency, itemId),
                ResponseTypes.optionalInstanceOf(String.class)).join();
        if (journeyId.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        try {
            commands.sendAndWait(new AcknowledgeNotice(ChildJourneyId.of(journeyId.get()), itemId, agency,
                    KeycloakClaims.username(token.getClaims(), token.getSubject())));
        } catch (JourneyRuleViolation noSuchNotice) {
            // A notice published before the journey raised them (without a place in its stream) is not the
            // journey's to acknowledge.
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.noContent().build();
    }

    private AgencyCode agency(Jwt token) {
        AgencyCode agency = KeycloakClaims.agency(token.getClaims()).orElse(null);
        if (!KeycloakClaims.roles(token.getClaims()).contains(Role.AGENCY_SYSTEM) || register.kindOf(agency) == null) {
            throw new ReadRefused();
        }
        return agency;
    }
}

package org.childjourney.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Role;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.event.NoticeAcknowledged;
import org.childjourney.query.config.QueryProperties;
import org.childjourney.query.security.ReadRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox?unacknowledged=true} and {@code POST /api/v1/inbox/{itemId}/ack}: an agency system
 * reads its own agency's inbox (the agency is the token's) and acknowledges items; each receipt is recorded.
 */
@RestController
class InboxController {

    private final QueryGateway queries;
    private final EventGateway events;
    private final QueryProperties register;

    InboxController(QueryGateway queries, EventGateway events, QueryProperties register) {
        this.queries = queries;
        this.events = events;
        this.register = register;
    }

    /**
     * Reading the inbox is a read of the record: the items shown, and the journeys they concern, are recorded
     * ({@code InboxRead}) before they are sent; if the record cannot be stored, nothing is.
     */
    @Operation(summary = "The caller's agency inbox (agency-system); the read is recorded before the items are sent")
    @GetMapping("/api/v1/inbox")
    Inbox items(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "false") boolean unacknowledged) {
        return inbox(agency(token), unacknowledged, KeycloakClaims.username(token.getClaims(), token.getSubject()));
    }

    @Operation(summary = "Acknowledge an inbox item (agency-system); the receipt is recorded")
    @PostMapping("/api/v1/inbox/{itemId}/ack")
    ResponseEntity<Void> acknowledge(@AuthenticationPrincipal Jwt token, @PathVariable String itemId) {
        AgencyCode agency = agency(token);
        if (inbox(agency, false, null).items().stream().noneMatch(item -> item.itemId().equals(itemId))) {
            return ResponseEntity.notFound().build();
        }
        events.publish(new NoticeAcknowledged(itemId, agency,
                KeycloakClaims.username(token.getClaims(), token.getSubject())));
        return ResponseEntity.noContent().build();
    }

    private Inbox inbox(AgencyCode agency, boolean unacknowledged, @Nullable String readBy) {
        return queries.query(new FindInbox(agency, unacknowledged, readBy), ResponseTypes.instanceOf(Inbox.class))
                .join();
    }

    private AgencyCode agency(Jwt token) {
        AgencyCode agency = KeycloakClaims.agency(token.getClaims()).orElse(null);
        if (!KeycloakClaims.roles(token.getClaims()).contains(Role.AGENCY_SYSTEM) || register.kindOf(agency) == null) {
            throw new ReadRefused();
        }
        return agency;
    }
}

package org.childjourney.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/disclosures?journeyId=&viewer=&from=&to=&page=} (role {@code auditor}): the disclosure
 * log, oldest first, a page at a time; with {@code Accept: application/fhir+json}, a FHIR R4 Bundle of AuditEvents
 * ({@link DisclosuresAsAuditEvents}). The purpose is the auditor's role's; the listing is itself recorded. Anyone
 * else gets the same {@code 403} as a refused read.
 */
@RestController
class AuditController {

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The disclosure log: every read of the record, filtered and paged (auditor)")
    @GetMapping(path = "/api/v1/audit/disclosures",
            produces = {MediaType.APPLICATION_JSON_VALUE, DisclosuresAsAuditEvents.MEDIA_TYPE})
    Disclosures disclosures(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Nullable String journeyId,
            @RequestParam(required = false) @Nullable String viewer,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String page) {
        Viewer auditor = KeycloakClaims.viewer(token.getClaims(), token.getSubject());
        if (!auditor.holds(Role.AUDITOR)) {
            throw new ReadRefused();
        }
        ChildJourneyId journey = journeyId == null ? null : JourneyIds.parse(journeyId);
        return queries.query(new FindDisclosures(auditor, journey, viewer, instant("from", from), instant("to", to),
                PageToken.at(page)), ResponseTypes.instanceOf(Disclosures.class)).join();
    }

    private static @Nullable Instant instant(String field, @Nullable String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidReadRequest(field, "must be an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z");
        }
    }
}

package org.childjourney.query.sharing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.command.DeclineSharing;
import org.childjourney.core.journey.command.ReleaseEntries;
import org.childjourney.core.journey.command.SealJourney;
import org.childjourney.core.journey.command.UnsealJourney;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.config.QueryProperties;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST …/releases} (hub members, purpose {@code mash-triage}), {@code POST …/non-disclosures}
 * (practitioners who may read the journey for their purpose), {@code POST …/seal} and {@code POST …/unseal}
 * (administrators). A caller who may not gets the same {@code 403} as a refused read. What the checks need to know
 * of the journey is asked through the query gateway ({@link SharingChecks}).
 */
@RestController
class SharingController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Readers readers;
    private final QueryProperties register;

    SharingController(CommandGateway commands, QueryGateway queries, Readers readers, QueryProperties register) {
        this.commands = commands;
        this.queries = queries;
        this.readers = readers;
        this.register = register;
    }

    @Operation(summary = "Release entries from the hub to another agency's practitioners (mash, X-Purpose: mash-triage)")
    @PostMapping("/api/v1/journeys/{journeyId}/releases")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> release(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @Valid @RequestBody SharingRequest body) {
        Reader reader = readers.of(token, purpose, null);
        ChildJourneyId journey = JourneyIds.parse(journeyId);
        if (reader.purpose() != Purpose.MASH_TRIAGE) {
            throw new InvalidReadRequest(Reader.PURPOSE_HEADER, "a release is made for mash-triage");
        }
        require(reader, journey);
        commands.sendAndWait(new ReleaseEntries(journey, reader.viewer(), registered(body.toAgency()),
                entryIds(body), Sensitive.of(body.reason())));
        return receipt(journeyId, body);
    }

    @Operation(summary = "Record a decision not to share entries with an agency (practitioners who may read the journey)")
    @PostMapping("/api/v1/journeys/{journeyId}/non-disclosures")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> declineSharing(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestHeader(name = Reader.JUSTIFICATION_HEADER, required = false) String justification,
            @Valid @RequestBody SharingRequest body) {
        Reader reader = readers.of(token, purpose, justification);
        ChildJourneyId journey = JourneyIds.parse(journeyId);
        if (!reader.viewer().holds(Role.PRACTITIONER)) {
            throw new ReadRefused();
        }
        require(reader, journey);
        commands.sendAndWait(new DeclineSharing(journey, reader.viewer(), registered(body.toAgency()),
                entryIds(body), Sensitive.of(body.reason())));
        return receipt(journeyId, body);
    }

    @Operation(summary = "Seal a journey so that only auditors may find or read it (admin)")
    @PostMapping("/api/v1/journeys/{journeyId}/seal")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> seal(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @Valid @RequestBody SealRequest body) {
        ChildJourneyId journey = administered(token, journeyId);
        commands.sendAndWait(new SealJourney(journey, admin(token), Sensitive.of(body.reason())));
        return Map.of("journeyId", journeyId, "sealed", true);
    }

    @Operation(summary = "Unseal a sealed journey (admin); the unsealing is recorded")
    @PostMapping("/api/v1/journeys/{journeyId}/unseal")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> unseal(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @Valid @RequestBody SealRequest body) {
        ChildJourneyId journey = administered(token, journeyId);
        commands.sendAndWait(new UnsealJourney(journey, admin(token), Sensitive.of(body.reason())));
        return Map.of("journeyId", journeyId, "sealed", false);
    }

    private void require(Reader reader, ChildJourneyId journey) {
        if (!ask(new MayDecideSharing(journey, reader))) {
            throw new ReadRefused();
        }
    }

    private boolean ask(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(Boolean.class)).join();
    }

    private ChildJourneyId administered(Jwt token, String journeyId) {
        ChildJourneyId journey = JourneyIds.parse(journeyId);
        if (!admin(token).holds(Role.ADMIN) || !ask(new JourneyHeld(journey))) {
            throw new ReadRefused();
        }
        return journey;
    }

    private static Viewer admin(Jwt token) {
        return KeycloakClaims.viewer(token.getClaims(), token.getSubject());
    }

    private AgencyCode registered(String code) {
        AgencyCode agency = AgencyCode.of(code);
        if (register.kindOf(agency) == null) {
            throw new InvalidReadRequest("toAgency", "is not a registered agency");
        }
        return agency;
    }

    private static Map<String, Object> receipt(String journeyId, SharingRequest body) {
        return Map.of("journeyId", journeyId, "toAgency", body.toAgency(), "entryIds", body.entryIds());
    }

    private static List<EntryId> entryIds(SharingRequest body) {
        return body.entryIds().stream().map(EntryId::of).toList();
    }
}

package org.childjourney.query.frontdoor;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.childjourney.core.journey.command.RecordHubDecision;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front door's worklist, {@code GET /api/v1/front-door?page=0}: the items awaiting a decision, oldest first, a
 * page at a time (each listing recorded with the journeys it named), and {@code POST /api/v1/front-door/decisions}
 * ({@code X-Purpose: mash-triage}): the hub's decision on an item, recorded on its journey as a
 * {@code contact-decision} of the hub member's agency, where the hub's ground holds. Hub members (role {@code mash})
 * only; anyone else, a journey the record does not hold, and a journey without the hub's ground get the same
 * {@code 403} as a refused read; naming an entry that is not a front-door item on the journey is {@code 409}.
 */
@RestController
class FrontDoorController {

    /** The last page a listing may ask for. */
    private static final int MOST_PAGES = 10_000;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Readers readers;
    private final AgencyRegister register;
    private final Clock clock;

    FrontDoorController(QueryGateway queries, CommandGateway commands, Readers readers, AgencyRegister register,
            Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.readers = readers;
        this.register = register;
        this.clock = clock;
    }

    @Operation(summary = "The front door's worklist: items awaiting a decision, oldest first (mash)")
    @GetMapping("/api/v1/front-door")
    Map<String, Object> worklist(@AuthenticationPrincipal Jwt token,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        if (page < 0 || page > MOST_PAGES) {
            throw new InvalidReadRequest("page", "is a page number from 0 to " + MOST_PAGES);
        }
        FrontDoorPage found = queries.query(new FindFrontDoor(Readers.holding(token, Role.MASH), page),
                ResponseTypes.instanceOf(FrontDoorPage.class)).join();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", found.items());
        if (found.more()) {
            answer.put("next", page + 1);
        }
        return answer;
    }

    @Operation(summary = "Record the hub's decision on a front-door item (mash, X-Purpose: mash-triage)")
    @PostMapping("/api/v1/front-door/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> decide(@AuthenticationPrincipal Jwt token,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @Valid @RequestBody HubDecision body) {
        EntryId entryId = body.record(commands, readers.of(token, purpose, null), register, Instant.now(clock));
        return Map.of("journeyId", body.journeyId(), "entryId", entryId.toString(),
                "itemEntryId", body.entryId(), "decision", body.decision());
    }
}

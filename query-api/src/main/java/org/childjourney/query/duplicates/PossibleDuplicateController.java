package org.childjourney.query.duplicates;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.DuplicateDecision;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's possible duplicates: {@code GET /api/v1/possible-duplicates?state=open&page=0} lists them a page at a
 * time, open ones by default (a listing is recorded, with the journeys it names), {@code POST /api/v1/journeys/{journeyId}/possible-duplicates/{taskId}} records the hub's decision on either
 * journey of the task, which decides it, and on the other ({@link PossibleDuplicateDecisions}; a task it does not
 * hold open is {@code 409}). Hub members (role
 * {@code mash}) and administrators only; anyone else gets the same {@code 403} as a refused read.
 */
@RestController
class PossibleDuplicateController {

    /** The last page a listing may ask for: 1,000,000 tasks. */
    private static final int MOST_PAGES = 10_000;

    private final QueryGateway queries;
    private final CommandGateway commands;

    PossibleDuplicateController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    /** The hub's decision, and the evidence it rests on. */
    record Decision(@NotNull @Pattern(regexp = "same-child|different-children") String decision,
            @NotBlank @Size(max = 4000) String evidence) {
    }

    @Operation(summary = "A page of the possible duplicates, oldest first: open (by default) or decided (mash, admin)")
    @GetMapping("/api/v1/possible-duplicates")
    Map<String, Object> list(@AuthenticationPrincipal Jwt token,
            @RequestParam(name = "state", defaultValue = "open") String state,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        if (!state.equals("open") && !state.equals("decided")) {
            throw new InvalidReadRequest("state", "is open or decided");
        }
        if (page < 0 || page > MOST_PAGES) {
            throw new InvalidReadRequest("page", "is a page number from 0 to " + MOST_PAGES);
        }
        List<PossibleDuplicate> found = queries.query(new FindPossibleDuplicates(hub(token), state, page),
                ResponseTypes.multipleInstancesOf(PossibleDuplicate.class)).join();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", found.subList(0, Math.min(found.size(), FindPossibleDuplicates.PAGE)));
        if (found.size() > FindPossibleDuplicates.PAGE) {
            answer.put("next", page + 1);
        }
        return answer;
    }

    @Operation(summary = "Decide a possible duplicate: the same child or different children, and why (mash, admin)")
    @PostMapping("/api/v1/journeys/{journeyId}/possible-duplicates/{taskId}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> decide(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @PathVariable String taskId, @Valid @RequestBody Decision body) {
        DuplicateDecision decision = DuplicateDecision.valueOf(body.decision().toUpperCase(Locale.ROOT)
                .replace('-', '_'));
        try {
            commands.sendAndWait(new DecidePossibleDuplicate(JourneyIds.parse(journeyId), taskId, hub(token),
                    decision, Sensitive.of(body.evidence())));
        } catch (AggregateNotFoundException unknown) {
            throw new ReadRefused();
        }
        return Map.of("taskId", taskId, "decision", body.decision());
    }

    private static Viewer hub(Jwt token) {
        return Readers.holding(token, Role.MASH, Role.ADMIN);
    }
}

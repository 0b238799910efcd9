package org.childjourney.query.links;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Readers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/journeys/{journeyId}/links} records that the journey and another are one child's, with the
 * evidence: both ids then answer with one timeline and one set of access facts. {@code DELETE
 * /api/v1/journeys/{journeyId}/links/{otherJourneyId}} undoes it exactly, optionally saying why. Hub members (role
 * {@code mash}) and administrators only; anyone else, and any journey the record does not hold or has sealed, gets
 * the same {@code 403} as a refused read. A link made already, or an unlink of none, is {@code 409}.
 */
@RestController
class LinkController {

    private static final String JOURNEY_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final CommandGateway commands;

    LinkController(CommandGateway commands) {
        this.commands = commands;
    }

    /** The other journey, and the evidence that the two are one child's. */
    record Link(@NotNull @Pattern(regexp = JOURNEY_ID, message = "is a journey id") String otherJourneyId,
            @NotBlank @Size(max = 4000) String evidence) {
    }

    /** Why the link is undone, if said. */
    record Unlink(@Nullable @Size(max = 4000) String evidence) {
    }

    @Operation(summary = "Link two journeys as one child's, with the evidence (mash, admin)")
    @PostMapping("/api/v1/journeys/{journeyId}/links")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> link(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @Valid @RequestBody Link body) {
        Viewer hub = hub(token);
        send(new LinkJourneys(JourneyIds.parse(journeyId), ChildJourneyId.of(body.otherJourneyId()), hub,
                Sensitive.of(body.evidence())));
        return Map.of("journeyId", journeyId, "otherJourneyId", body.otherJourneyId());
    }

    @Operation(summary = "Undo a link between two journeys (mash, admin)")
    @DeleteMapping("/api/v1/journeys/{journeyId}/links/{otherJourneyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @PathVariable String otherJourneyId, @Valid @RequestBody(required = false) @Nullable Unlink body) {
        Viewer hub = hub(token);
        send(new UnlinkJourneys(JourneyIds.parse(journeyId), JourneyIds.parse(otherJourneyId), hub,
                body == null ? null : Sensitive.ofNullable(body.evidence())));
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new ReadRefused();
        }
    }

    private static Viewer hub(Jwt token) {
        return Readers.holding(token, Role.MASH, Role.ADMIN);
    }
}

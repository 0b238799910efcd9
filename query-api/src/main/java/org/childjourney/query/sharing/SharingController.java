package org.childjourney.query.sharing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.SharingRefusal;
import org.childjourney.core.journey.command.DeclineSharing;
import org.childjourney.core.journey.command.ReleaseEntries;
import org.childjourney.core.journey.command.SealJourney;
import org.childjourney.core.journey.command.UnsealJourney;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.security.DecisionRefused;
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
 * (practitioners with a ground recorded on the journey for their purpose), {@code POST …/seal} and
 * {@code POST …/unseal} (administrators). The journey decides each on its facts (the {@code ChildJourney}
 * aggregate, ADR 0009) and records a refused release or decision not to share as well as a recorded one. A caller
 * who may not, or a journey the record does not hold, gets the same {@code 403} as a refused read; entries not on
 * the journey get {@code 409}.
 */
@RestController
class SharingController {

    private final CommandGateway commands;
    private final Readers readers;
    private final AgencyRegister register;
    private final Clock clock;

    SharingController(CommandGateway commands, Readers readers, AgencyRegister register, Clock clock) {
        this.clock = clock;
        this.commands = commands;
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
        return decided(new ReleaseEntries(journey, reader.request(ReadKind.TIMELINE, Instant.now(clock)),
                registered(body.toAgency()), entryIds(body), Sensitive.of(body.reason())), journeyId, body);
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
        return decided(new DeclineSharing(journey, reader.request(ReadKind.TIMELINE, Instant.now(clock)),
                registered(body.toAgency()), entryIds(body), Sensitive.of(body.reason())), journeyId, body);
    }

    @Operation(summary = "Seal a journey so that only auditors may find or read it (admin)")
    @PostMapping("/api/v1/journeys/{journeyId}/seal")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> seal(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @Valid @RequestBody SealRequest body) {
        send(new SealJourney(JourneyIds.parse(journeyId), Readers.administrator(token),
                Sensitive.of(body.reason())));
        return Map.of("journeyId", journeyId, "sealed", true);
    }

    @Operation(summary = "Unseal a sealed journey (admin); the unsealing is recorded")
    @PostMapping("/api/v1/journeys/{journeyId}/unseal")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> unseal(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @Valid @RequestBody SealRequest body) {
        send(new UnsealJourney(JourneyIds.parse(journeyId), Readers.administrator(token),
                Sensitive.of(body.reason())));
        return Map.of("journeyId", journeyId, "sealed", false);
    }

    /** Sends a sharing decision to the journey: the receipt if recorded, else the refusal, which it recorded. */
    private Map<String, Object> decided(Object command, String journeyId, SharingRequest body) {
        SharingRefusal refusal = send(command);
        if (refusal == SharingRefusal.NO_GROUND) {
            throw new ReadRefused();
        }
        if (refusal == SharingRefusal.NOT_ON_JOURNEY) {
            throw new DecisionRefused("an entry named is not on this journey");
        }
        return receipt(journeyId, body);
    }

    /** A journey the record does not hold is refused like a journey the caller may not change. */
    private <R> R send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new ReadRefused();
        }
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

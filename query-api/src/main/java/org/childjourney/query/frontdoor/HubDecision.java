package org.childjourney.query.frontdoor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
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

/** The hub's decision on a front-door item, and why: the rationale stays on the record, never in the referrer's inbox. */
public record HubDecision(@NotNull @Pattern(regexp = ID) String journeyId, @NotNull @Pattern(regexp = ID) String entryId,
        @NotNull @Pattern(regexp = DECISIONS) String decision, @NotBlank @Size(max = 4000) String rationale) {

    private static final String ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    public static final String DECISIONS = "no-further-action|advice|early-help|referral|strategy-discussion";

    /**
     * Records this decision on its journey, where the hub's ground holds.
     *
     * @return the decision's entry id
     * @throws ReadRefused        for a reader who is not a hub member of a registered agency, a journey the record
     *                            does not hold, or one without the hub's ground: refused like a read
     * @throws InvalidReadRequest for a purpose other than {@code mash-triage}
     * @throws JourneyRuleViolation when the entry is not a front-door item awaiting a decision
     */
    public EntryId record(CommandGateway commands, Reader reader, AgencyRegister register, Instant at) {
        RecordHubDecision command = command(reader, register, at);
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new ReadRefused();
        } catch (JourneyRuleViolation violation) {
            if (violation.rule() == JourneyRuleViolation.Rule.NO_HUB_GROUND) {
                throw new ReadRefused();
            }
            throw violation;
        }
        return command.entryId();
    }

    /**
     * The command recording this decision as a {@code contact-decision} of the hub member's agency, with a new entry id.
     *
     * @throws ReadRefused        for a reader who is not a hub member of a registered agency
     * @throws InvalidReadRequest for a purpose other than {@code mash-triage}
     */
    private RecordHubDecision command(Reader reader, AgencyRegister register, Instant at) {
        if (!reader.viewer().holds(Role.MASH)) {
            throw new ReadRefused();
        }
        if (reader.purpose() != Purpose.MASH_TRIAGE) {
            throw new InvalidReadRequest(Reader.PURPOSE_HEADER, "a front-door decision is made for mash-triage");
        }
        Agency agency = Optional.ofNullable(reader.viewer().agency()).flatMap(register::agency)
                .orElseThrow(ReadRefused::new);
        return new RecordHubDecision(ChildJourneyId.of(journeyId), reader.request(ReadKind.TIMELINE, at), agency,
                new EntryId(UUID.randomUUID()), EntryId.of(entryId),
                FrontDoorDecision.valueOf(decision.toUpperCase(Locale.ROOT).replace('-', '_')),
                Sensitive.of(rationale));
    }
}

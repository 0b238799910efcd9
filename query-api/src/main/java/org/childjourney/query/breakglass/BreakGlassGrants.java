package org.childjourney.query.breakglass;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.UUID;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.BreakGlassGrant;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.childjourney.core.journey.command.OpenBreakGlass;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.journey.JourneyCommands;
import org.springframework.stereotype.Component;

/**
 * Opens a reader's break-glass grant on a journey, or finds the one in force, through the journey itself: two
 * simultaneous emergency reads are two commands on one journey, handled one after the other, so they open one grant
 * and send one notice. The journey tells the lead agency of a grant it opens, or, without one, every agency with
 * entries on it; never a broadcast. For a journey read with those linked to it, the record's lead or agencies.
 */
@Component
public class BreakGlassGrants {

    private final JourneyCommands commands;
    private final MeterRegistry meters;

    BreakGlassGrants(JourneyCommands commands, MeterRegistry meters) {
        this.commands = commands;
        this.meters = meters;
    }

    /**
     * The reader's grant on the journey for this read, opened if none is in force; {@code record} is the facts the
     * read was decided on.
     *
     * @return {@code false} if the journey was sealed since the read was decided: the read is then refused
     */
    public boolean grant(ChildJourneyId journeyId, JourneyFacts record, AccessRequest request) {
        BreakGlassGrant grant;
        try {
            grant = commands.send(new OpenBreakGlass(journeyId, UUID.randomUUID().toString(), request.viewer(),
                    Sensitive.of(Objects.requireNonNull(request.justification())), request.at(),
                    record.journeys().size() > 1 ? record.toTellOfBreakGlass() : null));
        } catch (JourneyRuleViolation sealed) {
            return false;
        }
        if (Objects.requireNonNull(grant).opened()) {
            meters.counter("childjourney.break.glass.grants").increment();
        }
        return true;
    }
}

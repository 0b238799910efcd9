package org.childjourney.query.sharing;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.ReadKind;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.springframework.stereotype.Component;

/**
 * Answers what {@link SharingController} must know before it records a sharing decision, on the journey's facts as
 * of its latest event: the controller itself reads no store.
 */
@Component
class SharingChecks {

    private final JourneyFactsSource facts;
    private final Clock clock;

    SharingChecks(JourneyFactsSource facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * A declared ground (a triage check, break-glass) lets a practitioner read in a hurry, not decide what others may
     * see: one recorded on the journey is needed.
     */
    @QueryHandler
    Boolean handle(MayDecideSharing query) {
        AccessDecision decision = AccessPolicies.current().decide(
                query.reader().request(ReadKind.TIMELINE, Instant.now(clock)), facts.factsOf(query.journeyId()));
        return decision instanceof AccessDecision.Permitted permitted && permitted.grounds().stream()
                .anyMatch(ground -> ground != Ground.BREAK_GLASS && ground != Ground.TRIAGE_CHECK);
    }

    @QueryHandler
    Boolean handle(JourneyHeld query) {
        return facts.factsOf(query.journeyId()).known();
    }
}

package org.childjourney.query.duplicates;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.DuplicateDecision;
import org.childjourney.core.journey.command.ResolvePossibleDuplicate;
import org.childjourney.query.links.LinkJourneys;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.springframework.stereotype.Component;

/**
 * The hub's decision on a possible duplicate goes to both journeys that hold the task, in one unit of work (one
 * transaction): the journey named, which decides it and names the other, then the other. Each journey's readers
 * then stop being told that it may be one of two. A decision that they are the same child links them, with its
 * evidence, unless they are one record already, either is sealed (a sealed journey is joined to nothing), or the
 * link would join too many journeys: then the decision alone is recorded.
 */
@Component
class PossibleDuplicateDecisions {

    private final CommandGateway commands;
    private final JourneyFactsSource facts;

    PossibleDuplicateDecisions(CommandGateway commands, JourneyFactsSource facts) {
        this.commands = commands;
        this.facts = facts;
    }

    @CommandHandler
    void handle(DecidePossibleDuplicate c) {
        ChildJourneyId other = commands.sendAndWait(new ResolvePossibleDuplicate(c.journeyId(), c.taskId(),
                c.decidedBy(), c.decision(), c.evidence()));
        commands.sendAndWait(new ResolvePossibleDuplicate(other, c.taskId(), c.decidedBy(), c.decision(),
                c.evidence()));
        if (c.decision() == DuplicateDecision.SAME_CHILD && linkable(c.journeyId(), other)) {
            commands.sendAndWait(new LinkJourneys(c.journeyId(), other, c.decidedBy(), c.evidence()));
        }
    }

    private boolean linkable(ChildJourneyId journeyId, ChildJourneyId otherJourneyId) {
        JourneyFacts one = facts.factsOf(journeyId);
        JourneyFacts other = facts.factsOf(otherJourneyId);
        return !one.sealed() && !other.sealed() && one.linkRefusal(otherJourneyId, other) == null;
    }
}

package org.childjourney.query.links;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.childjourney.core.journey.command.LinkJourney;
import org.childjourney.core.journey.command.UnlinkJourney;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.springframework.stereotype.Component;

/**
 * A link, or its undoing, goes to both journeys in one unit of work (one transaction): the journey named, then the
 * other; a link of journeys read as one already (linked directly or through another), or an unlink of journeys not
 * linked directly, is refused, and then nothing is recorded on either. A journey the record does not hold, or a sealed one (found by auditors alone), is refused as a read of it
 * would be, so that the answer never tells which it was; a link that would join more than
 * {@link JourneyFacts#MOST_LINKED} journeys into one child's record is refused.
 */
@Component
class JourneyLinks {

    private final CommandGateway commands;
    private final JourneyFactsSource facts;

    JourneyLinks(CommandGateway commands, JourneyFactsSource facts) {
        this.commands = commands;
        this.facts = facts;
    }

    @CommandHandler
    void handle(LinkJourneys c) {
        JourneyFacts one = readable(c.journeyId());
        JourneyFacts other = readable(c.otherJourneyId());
        JourneyRuleViolation.Rule refusal = one.linkRefusal(c.otherJourneyId(), other);
        if (refusal != null) {
            throw new JourneyRuleViolation(refusal);
        }
        commands.sendAndWait(new LinkJourney(c.journeyId(), c.otherJourneyId(), c.linkedBy(), c.evidence()));
        commands.sendAndWait(new LinkJourney(c.otherJourneyId(), c.journeyId(), c.linkedBy(), c.evidence()));
    }

    @CommandHandler
    void handle(UnlinkJourneys c) {
        readable(c.journeyId());
        readable(c.otherJourneyId());
        commands.sendAndWait(new UnlinkJourney(c.journeyId(), c.otherJourneyId(), c.unlinkedBy(), c.evidence()));
        commands.sendAndWait(new UnlinkJourney(c.otherJourneyId(), c.journeyId(), c.unlinkedBy(), c.evidence()));
    }

    private JourneyFacts readable(ChildJourneyId journeyId) {
        JourneyFacts journey = facts.factsOf(journeyId);
        if (!journey.known() || journey.sealed()) {
            throw new ReadRefused();
        }
        return journey;
    }
}

package org.childjourney.query.links;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
 * A link, or its undoing, goes to both journeys in one unit of work (one transaction), in the order of their ids, so
 * that a link and an unlink of the same two journeys queue rather than deadlock. A link of journeys read as one
 * already (linked directly or through another), or of more than {@link JourneyFacts#MOST_LINKED} journeys into one
 * record, is refused; so is a journey the record does not hold, or a sealed one (found by auditors alone), like a
 * read of it, and then nothing is recorded on either. An unlink needs only a link in force: it narrows access, so a
 * seal never stands in its way.
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
        if (c.journeyId().equals(c.otherJourneyId())) {
            throw new JourneyRuleViolation(JourneyRuleViolation.Rule.LINKED_TO_ITSELF);
        }
        JourneyFacts one = readable(c.journeyId());
        JourneyFacts other = readable(c.otherJourneyId());
        JourneyRuleViolation.Rule refusal = one.linkRefusal(c.otherJourneyId(), other);
        if (refusal != null) {
            throw new JourneyRuleViolation(refusal);
        }
        for (ChildJourneyId journeyId : inOrder(c.journeyId(), c.otherJourneyId())) {
            ChildJourneyId linkedTo = journeyId.equals(c.journeyId()) ? c.otherJourneyId() : c.journeyId();
            commands.sendAndWait(new LinkJourney(journeyId, linkedTo, c.linkedBy(), c.evidence()));
        }
    }

    @CommandHandler
    void handle(UnlinkJourneys c) {
        for (ChildJourneyId journeyId : inOrder(c.journeyId(), c.otherJourneyId())) {
            ChildJourneyId unlinkedFrom = journeyId.equals(c.journeyId()) ? c.otherJourneyId() : c.journeyId();
            commands.sendAndWait(new UnlinkJourney(journeyId, unlinkedFrom, c.unlinkedBy(), c.evidence()));
        }
    }

    private JourneyFacts readable(ChildJourneyId journeyId) {
        JourneyFacts journey = facts.factsOf(journeyId);
        if (!journey.known() || journey.sealed()) {
            throw new ReadRefused();
        }
        return journey;
    }

    private static List<ChildJourneyId> inOrder(ChildJourneyId one, ChildJourneyId other) {
        return Stream.of(one, other).distinct().sorted(Comparator.comparing(ChildJourneyId::toString)).toList();
    }
}

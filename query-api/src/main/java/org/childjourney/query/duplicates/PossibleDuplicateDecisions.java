package org.childjourney.query.duplicates;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.command.ResolvePossibleDuplicate;
import org.springframework.stereotype.Component;

/**
 * The hub's decision on a possible duplicate goes to both journeys that hold the task, in one unit of work (one
 * transaction): the journey named, which decides it and names the other, then the other. Each journey's readers
 * then stop being told that it may be one of two.
 */
@Component
class PossibleDuplicateDecisions {

    private final CommandGateway commands;

    PossibleDuplicateDecisions(CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    void handle(DecidePossibleDuplicate c) {
        ChildJourneyId other = commands.sendAndWait(new ResolvePossibleDuplicate(c.journeyId(), c.taskId(),
                c.decidedBy(), c.decision(), c.evidence()));
        commands.sendAndWait(new ResolvePossibleDuplicate(other, c.taskId(), c.decidedBy(), c.decision(),
                c.evidence()));
    }
}

package org.childjourney.query.rebuild;

import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.query.readmodel.Rebuilds;
import org.springframework.stereotype.Component;

/** Hands {@link StartRebuild} and {@link FindRebuild} to the read models' {@link Rebuilds}. */
@Component
class RebuildHandler {

    private final Rebuilds rebuilds;

    RebuildHandler(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @CommandHandler
    String handle(StartRebuild command) {
        return rebuilds.start();
    }

    @QueryHandler
    Optional<RebuildStatus> handle(FindRebuild query) {
        return rebuilds.progress(query.rebuildId()).map(progress -> new RebuildStatus(progress.rebuildId(),
                progress.state(), progress.eventsDone(), progress.eventsTotal()));
    }
}

package org.childjourney.query.config;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * Commits the embedded read-model file after every write command, before the driver hands the write's answer back
 * to the projection: without it H2 writes its changes about once a second, and a crash would lose documents whose
 * tracking tokens (in the event store) had already moved on. The listener runs on the calling thread, so the
 * commit is part of the write as the projection sees it.
 */
final class EmbeddedReadModelCommits implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private final MVStore file;

    EmbeddedReadModelCommits(MVStore file) {
        this.file = file;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            file.commit();
        }
    }
}

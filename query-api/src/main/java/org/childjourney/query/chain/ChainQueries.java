package org.childjourney.query.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Answers for the chain from the event store's database: its checkpoints, and walks of it. */
@Component
class ChainQueries {

    private static final Logger log = LoggerFactory.getLogger(ChainQueries.class);

    private final DataSource store;
    private final Clock clock;

    ChainQueries(DataSource store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The checkpoints to keep, once a walk has found the chain intact: a checkpoint is worth keeping only of a chain
     * that holds.
     *
     * @throws ChainBroken if it does not
     */
    @QueryHandler
    KeptCheckpoints checkpoints(FindCheckpoints query) throws SQLException {
        return walk(connection -> {
            Verdict verdict = ChainVerification.verify(connection, List.of());
            if (!verdict.intact()) {
                throw new ChainBroken(verdict);
            }
            return ChainVerification.keep(connection, verdict, clock.instant().toString());
        });
    }

    @QueryHandler
    Verdict verify(VerifyChain query) throws SQLException {
        Verdict verdict = walk(connection -> ChainVerification.verify(connection, query.kept().all()));
        log.info("Chain verified: {} links, intact {}", verdict.links(), verdict.intact());
        return verdict;
    }

    /** Reads the store on a connection of its own, read-only, in one transaction. */
    private <T> T walk(Walk<T> reading) throws SQLException {
        try (Connection connection = store.getConnection()) {
            connection.setReadOnly(true);
            try {
                return reading.on(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private interface Walk<T> {
        T on(Connection connection) throws SQLException;
    }
}

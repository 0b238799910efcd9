package org.childjourney.query.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers for the chain from the event store's database: its checkpoints, and walks of it. */
@Component
class ChainQueries {

    private static final Logger log = LoggerFactory.getLogger(ChainQueries.class);

    private final DataSource store;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ChainQueries(DataSource store, JdbcTemplate jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    KeptCheckpoints checkpoints(FindCheckpoints query) {
        String now = clock.instant().toString();
        List<Checkpoint> head = jdbc.query("SELECT link, global_index, link_hash FROM event_chain ORDER BY link DESC"
                + " FETCH FIRST 1 ROWS ONLY", (row, n) -> new Checkpoint(row.getLong(1), row.getLong(2),
                row.getString(3), now));
        List<Checkpoint> recorded = jdbc.query("SELECT link, global_index, link_hash, made_at FROM chain_checkpoint"
                + " ORDER BY link", (row, n) -> new Checkpoint(row.getLong(1), row.getLong(2), row.getString(3),
                row.getString(4)));
        return new KeptCheckpoints(head.isEmpty() ? null : head.get(0), recorded);
    }

    @QueryHandler
    Verdict verify(VerifyChain query) throws SQLException {
        try (Connection connection = store.getConnection()) {
            connection.setReadOnly(true);
            try {
                Verdict verdict = ChainVerification.verify(connection, query.kept().all());
                log.info("Chain verified: {} links, intact {}", verdict.links(), verdict.intact());
                return verdict;
            } finally {
                connection.rollback();
            }
        }
    }
}

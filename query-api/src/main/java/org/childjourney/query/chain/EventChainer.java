package org.childjourney.query.chain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.childjourney.query.config.QueryProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Chains every event of the store, as it is appended, in the order this processor ({@code event-chain}, one segment)
 * receives them: the store's positions are handed out before their appends commit, so they are not the order the
 * events became part of the record, and an event committed late is chained when it arrives. Each batch reads the
 * events' stored rows, extends the chain from its last link ({@code event_chain}: link, position, hash) and records
 * a checkpoint at every multiple of {@code childjourney.query.chain-checkpoint-links}. The links are written in the
 * transaction that moves the processor's token, so a batch is chained once; an event already chained (a token set
 * back by hand) is passed over. An append that commits so late that Axon's gap tracking has stopped waiting for it
 * (ten thousand positions, or a minute among many gaps) is never delivered: the first batch after a start chains it.
 * The processor starts at the store's beginning, is no read model, and no rebuild touches it.
 */
@Component
@ProcessingGroup(EventChainer.GROUP)
class EventChainer {

    static final String GROUP = "event-chain";
    /** The link before the first: 32 zero bytes. */
    static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();
    private static final int CHUNK = 500;

    private final JdbcTemplate store;
    private final long checkpointLinks;
    private final Clock clock;
    /** Whether a batch since the query API started has looked for events left off the chain behind it. */
    private volatile boolean sweptSinceStart;

    EventChainer(JdbcTemplate store, QueryProperties properties, Clock clock) {
        this.store = store;
        this.checkpointLinks = properties.chainCheckpointLinks();
        this.clock = clock;
    }

    /** Notes the event's position; the batch's events are chained together as it commits. */
    @EventHandler
    void on(EventMessage<?> event, TrackingToken token, UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        Set<Long> positions = root.getOrComputeResource("event-chain:positions", key -> {
            Set<Long> batch = new LinkedHashSet<>();
            root.onPrepareCommit(committing -> chain(batch));
            return batch;
        });
        positions.add(token.position().orElseThrow(() -> new IllegalStateException("A stream without positions")));
    }

    /**
     * Chains the batch's events, in the order they came, after any event behind them left off the chain: on the first
     * batch since the query API started, every stored event before the batch's first that is not chained yet (one
     * whose append committed after the processor's gap tracking gave up waiting for it) is chained first.
     */
    private void chain(Set<Long> delivered) {
        List<Long> positions = new ArrayList<>();
        if (!sweptSinceStart && !delivered.isEmpty()) {
            positions.addAll(store.queryForList("SELECT globalIndex FROM DomainEventEntry e WHERE globalIndex < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.globalIndex)"
                    + " ORDER BY globalIndex", Long.class, delivered.iterator().next()));
        }
        positions.addAll(delivered);
        Checkpoint head = head();
        long link = head.link();
        byte[] previous = HEX.parseHex(head.hash());
        Map<Long, StoredEvent> events = stored(positions);
        List<Object[]> links = new ArrayList<>();
        List<Object[]> checkpoints = new ArrayList<>();
        for (long position : positions) {
            StoredEvent event = events.get(position);
            if (event == null) {
                continue;
            }
            previous = event.linkAfter(previous);
            link++;
            links.add(new Object[] {link, position, HEX.formatHex(previous)});
            if (link % checkpointLinks == 0) {
                checkpoints.add(new Object[] {link, position, HEX.formatHex(previous), clock.instant().toString()});
            }
        }
        if (!links.isEmpty()) {
            store.batchUpdate("INSERT INTO event_chain (link, global_index, link_hash) VALUES (?, ?, ?)", links);
        }
        if (!checkpoints.isEmpty()) {
            store.batchUpdate("INSERT INTO chain_checkpoint (link, global_index, link_hash, made_at)"
                    + " VALUES (?, ?, ?, ?)", checkpoints);
        }
        sweptSinceStart = true;
    }

    /** The chain's last link, or the genesis before the first. */
    private Checkpoint head() {
        List<Checkpoint> last = store.query(StoredEvent.LAST_LINK, (row, n) -> new Checkpoint(row.getLong(1),
                row.getLong(2), row.getString(3), null));
        return last.isEmpty() ? new Checkpoint(0, 0, HEX.formatHex(GENESIS), null) : last.get(0);
    }

    /** The stored rows of the events at these positions that are not chained yet. */
    private Map<Long, StoredEvent> stored(List<Long> positions) {
        Map<Long, StoredEvent> events = new HashMap<>();
        for (int from = 0; from < positions.size(); from += CHUNK) {
            List<Long> chunk = positions.subList(from, Math.min(positions.size(), from + CHUNK));
            store.query("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry e WHERE globalIndex IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") AND NOT EXISTS (SELECT 1 FROM"
                    + " event_chain c WHERE c.global_index = e.globalIndex)", row -> {
                        StoredEvent event = StoredEvent.read(row);
                        events.put(event.position(), event);
                    }, chunk.toArray());
        }
        return events;
    }
}

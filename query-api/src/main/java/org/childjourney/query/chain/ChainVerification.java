package org.childjourney.query.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.childjourney.query.chain.Verdict.BrokenLink;
import org.jspecify.annotations.Nullable;

/**
 * Walks the chain from its first link, recomputing each from the event's stored row and the link before, and stops
 * at the first that does not hold: a link missing, its event gone, the event or the link changed since it was
 * chained, or the chain there not what a checkpoint says (kept in the store, or given back from outside, where
 * nobody who can write to the store can reach it). A checkpoint past the chain's end means the chain was cut short.
 * Then it counts the events the chain should hold and does not: at or before the furthest position chained, or that
 * the chainer has passed (its token), less those it still waits for. It reads the store a page of links at a time on
 * the connection it is given, and changes nothing.
 */
final class ChainVerification {

    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 1_000;
    private static final String LINKS = "SELECT c.link, c.global_index, c.link_hash, e.eventIdentifier AS present, "
            + StoredEvent.COLUMNS_OF_E
            + " FROM event_chain c LEFT JOIN DomainEventEntry e ON e.globalIndex = c.global_index"
            + " WHERE c.link > ? ORDER BY c.link FETCH FIRST " + PAGE + " ROWS ONLY";
    private static final String UNCHAINED = "SELECT e.globalIndex FROM DomainEventEntry e WHERE e.globalIndex <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.globalIndex)"
            + " ORDER BY e.globalIndex";
    private static final String CHAINER_TOKEN = "SELECT token, tokenType FROM TokenEntry WHERE processorName = ?";
    /** The chainer's token as Axon stores it (its Jackson serializer): the last position passed, and the gaps. */
    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainVerification() {
    }

    /** Walks the chain against its stored checkpoints and the {@code kept} ones. */
    static Verdict verify(Connection store, Collection<Checkpoint> kept) throws SQLException {
        Map<Long, List<Checkpoint>> checkpoints = new TreeMap<>();
        for (Checkpoint checkpoint : concat(stored(store), kept)) {
            checkpoints.computeIfAbsent(checkpoint.link(), link -> new ArrayList<>()).add(checkpoint);
        }
        Walk walk = new Walk(checkpoints);
        try (PreparedStatement page = store.prepareStatement(LINKS)) {
            long read;
            do {
                page.setLong(1, walk.link);
                read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        BrokenLink broken = walk.next(rows);
                        if (broken != null) {
                            return walk.verdict(broken, 0, null);
                        }
                    }
                }
            } while (read == PAGE);
        }
        BrokenLink cutShort = walk.pastTheEnd();
        Passed passed = passed(store);
        long unchained = 0;
        Long firstUnchained = null;
        try (PreparedStatement query = store.prepareStatement(UNCHAINED)) {
            query.setLong(1, Math.max(walk.furthest, passed.position()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long position = rows.getLong(1);
                    if (!passed.gaps().contains(position)) {
                        unchained++;
                        firstUnchained = firstUnchained == null ? position : firstUnchained;
                    }
                }
            }
        }
        return walk.verdict(cutShort, unchained, firstUnchained);
    }

    /**
     * How far the chainer has passed through the store: its token's position, less the gaps it still waits for (appends
     * not committed when it passed). Every event it has passed should be chained. Without a token it has passed none.
     */
    private static Passed passed(Connection store) throws SQLException {
        try (PreparedStatement query = store.prepareStatement(CHAINER_TOKEN)) {
            query.setString(1, EventChainer.GROUP);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || !GAP_AWARE.equals(rows.getString(2)) || rows.getBytes(1) == null) {
                    return new Passed(0, Set.of());
                }
                JsonNode token = JSON.readTree(rows.getBytes(1));
                Set<Long> gaps = new HashSet<>();
                token.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
                return new Passed(token.path("index").asLong(), gaps);
            } catch (IOException unreadable) {
                return new Passed(0, Set.of());
            }
        }
    }

    private record Passed(long position, Set<Long> gaps) {
    }

    /**
     * The checkpoints to keep outside after a walk that found the chain intact: its head as the walk recomputed it,
     * made now, and every checkpoint recorded.
     */
    static KeptCheckpoints keep(Connection store, Verdict verdict, String now) throws SQLException {
        Checkpoint head = verdict.head();
        return new KeptCheckpoints(head == null ? null : new Checkpoint(head.link(), head.position(), head.hash(), now),
                stored(store));
    }

    private static List<Checkpoint> stored(Connection store) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement query = store.prepareStatement(
                "SELECT link, global_index, link_hash, made_at FROM chain_checkpoint ORDER BY link");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4)));
            }
        }
        return checkpoints;
    }

    private static List<Checkpoint> concat(List<Checkpoint> stored, Collection<Checkpoint> kept) {
        List<Checkpoint> all = new ArrayList<>(stored);
        all.addAll(kept);
        return all;
    }


    /** The walk so far: the last link that held, its position and hash, and the checkpoints it matched. */
    private static final class Walk {

        private final Map<Long, List<Checkpoint>> checkpoints;
        private long link;
        private long position;
        /** The furthest position chained: late appends are chained after later positions. */
        private long furthest;
        private byte[] hash = EventChainer.GENESIS;
        private long matched;

        Walk(Map<Long, List<Checkpoint>> checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Nullable BrokenLink next(ResultSet row) throws SQLException {
            long number = row.getLong("link");
            long at = row.getLong("global_index");
            if (number != link + 1) {
                return new BrokenLink(link + 1, null, "the link is missing from the chain");
            }
            if (row.getString("present") == null) {
                return new BrokenLink(number, at, "the event this link chains is no longer in the store");
            }
            StoredEvent event = StoredEvent.read(row);
            byte[] recomputed = event.linkAfter(hash);
            if (!Arrays.equals(recomputed, HEX.parseHex(row.getString("link_hash")))) {
                return new BrokenLink(number, at, "the event, or its link, has changed since it was chained");
            }
            for (Checkpoint checkpoint : checkpoints.getOrDefault(number, List.of())) {
                if (checkpoint.position() != at || !HEX.formatHex(recomputed).equalsIgnoreCase(checkpoint.hash())) {
                    return new BrokenLink(number, at, "the chain here differs from the checkpoint made at "
                            + (checkpoint.madeAt() == null ? "a time not given" : checkpoint.madeAt()));
                }
                matched++;
            }
            link = number;
            position = at;
            furthest = Math.max(furthest, at);
            hash = recomputed;
            return null;
        }

        /** A checkpoint past the chain's last link: the chain has been cut short since it was made. */
        @Nullable BrokenLink pastTheEnd() {
            return checkpoints.keySet().stream().filter(number -> number > link).findFirst()
                    .map(number -> new BrokenLink(link + 1, null, "the chain ends at link " + link
                            + ", before a checkpoint at link " + number + ": links have been removed"))
                    .orElse(null);
        }

        Verdict verdict(@Nullable BrokenLink broken, long unchained, @Nullable Long firstUnchained) {
            Checkpoint head = link == 0 ? null : new Checkpoint(link, position, HEX.formatHex(hash), null);
            return new Verdict(broken == null && unchained == 0, link, head, broken, matched, unchained,
                    firstUnchained);
        }
    }
}

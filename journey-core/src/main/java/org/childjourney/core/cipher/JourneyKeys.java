package org.childjourney.core.cipher;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The journeys' keys, in the key store: a database of its own, never the event store's, so that no backup or export
 * of the events holds a key (ADR 0015). A journey's key is made before its first enciphered event is stored (when
 * that event is, or ahead), and erasing the journey replaces it by the time of its erasure, for ever: no key is made
 * again for an erased journey.
 *
 * <p>Keys are held in memory for {@link #HELD} after they are read, so that an erasure reaches another service's
 * memory within that time; an erasure, once known, is held for good (the journey's events are read often after it,
 * by rebuilds and folds, and it never ends). A journey whose events are enciphered but that the key store does not know at all is an
 * error, never taken for an erasure: a service pointed at the wrong key store stops rather than reading the record
 * as erased.
 *
 * <p>The keys of journeys not begun yet can be made ahead, many in one write ({@link #makeAhead}): else each new
 * child's first entry waits for a write of its own, a commit to the key store's file. A key made ahead is kept apart
 * until its journey's first event takes it, and then held as a key read. One made ahead and never used is a key of a
 * journey that never began: it opens nothing.
 */
public final class JourneyKeys implements AutoCloseable {

    /**
     * How long a key read from the store is used before it is read again: how long another service may still open
     * an erased journey's events in memory (the service that erases forgets the key at once).
     */
    public static final Duration HELD = Duration.ofMinutes(5);

    private static final int KEY_BYTES = 32;
    /** The most keys held: about 20 MB, the busy journeys of a large area. */
    private static final int MOST_HELD = 100_000;
    /** The most keys made ahead kept apart: those of journeys given to submissions that were undone leave in time. */
    private static final int MOST_AHEAD = 1_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> madeAhead = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
            return size() > MOST_AHEAD;
        }
    };
    private final Map<String, Held> held = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MOST_HELD;
        }
    };

    /** The key store in {@code store}, whose table is made if it is not there. */
    public JourneyKeys(DataSource store, Clock clock) {
        this.store = store;
        this.clock = clock;
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("CREATE TABLE IF NOT EXISTS journey_key (journey_id CHAR(36) PRIMARY KEY,"
                    + " data_key VARCHAR(64), erased_at VARCHAR(40))");
        } catch (SQLException unavailable) {
            throw new KeyStoreUnavailable(unavailable);
        }
    }

    /**
     * Makes and stores the keys of journeys not begun yet, all in one transaction, and keeps them until each journey's
     * first event is enciphered, which then needs no read or write of the key store. Nothing is kept or stored if the
     * transaction fails.
     */
    public void makeAhead(List<String> journeyIds) {
        List<String> keys = journeyIds.stream().map(journeyId -> newKey()).toList();
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO journey_key (journey_id, data_key, erased_at) VALUES (?, ?, NULL)")) {
                for (int journey = 0; journey < journeyIds.size(); journey++) {
                    insert.setString(1, journeyIds.get(journey));
                    insert.setString(2, keys.get(journey));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException failed) {
                try {
                    connection.rollback();
                } catch (SQLException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            }
        } catch (SQLException unavailable) {
            throw new KeyStoreUnavailable(unavailable);
        }
        synchronized (madeAhead) {
            for (int journey = 0; journey < journeyIds.size(); journey++) {
                madeAhead.put(journeyIds.get(journey), secretKey(keys.get(journey)));
            }
        }
    }

    /** The journey's key to encipher with, made now if it has none; an erased journey has none to give. */
    public SecretKey toEncipher(String journeyId) {
        Stored stored = held(journeyId);
        if (stored == null) {
            stored = takeMadeAhead(journeyId);
            if (stored == null) {
                stored = read(journeyId);
            }
            if (stored == null) {
                stored = make(journeyId);
            }
            hold(journeyId, stored);
        }
        if (stored.key() == null) {
            throw new JourneyErasedException();
        }
        return stored.key();
    }

    /**
     * The journey's key to open its events with, or none if the journey was erased.
     *
     * @throws IllegalStateException if the key store never knew the journey
     */
    public Optional<SecretKey> toDecipher(String journeyId) {
        Stored stored = held(journeyId);
        if (stored == null) {
            stored = read(journeyId);
            if (stored == null) {
                throw new IllegalStateException("the key store holds no key for a journey whose events are enciphered");
            }
            hold(journeyId, stored);
        }
        return Optional.ofNullable(stored.key());
    }

    /** Deletes the journey's key for ever, leaving when it was erased; erasing it again changes nothing. */
    public void erase(String journeyId) {
        try {
            deleteKey(journeyId);
        } finally {
            // After the delete too: a read of the key meanwhile may have held it again.
            hold(journeyId, new Stored(null));
        }
    }

    private void deleteKey(String journeyId) {
        takeMadeAhead(journeyId);
        synchronized (held) {
            held.remove(journeyId);
        }
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE journey_key SET data_key = NULL, erased_at = ? WHERE journey_id = ? AND data_key IS NOT NULL")) {
                update.setString(1, clock.instant().toString());
                update.setString(2, journeyId);
                if (update.executeUpdate() == 1 || read(connection, journeyId) != null) {
                    return;
                }
            }
            insert(connection, journeyId, null);
        } catch (SQLException unavailable) {
            if (!UNIQUE_VIOLATION.equals(unavailable.getSQLState())) {
                throw new KeyStoreUnavailable(unavailable);
            }
            deleteKey(journeyId);
        }
    }

    /** Whether the journey was erased: its key deleted. */
    public boolean erased(String journeyId) {
        Stored stored = read(journeyId);
        return stored != null && stored.key() == null;
    }

    private @Nullable Stored takeMadeAhead(String journeyId) {
        synchronized (madeAhead) {
            SecretKey key = madeAhead.remove(journeyId);
            return key == null ? null : new Stored(key);
        }
    }

    private String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Stored make(String journeyId) {
        String key = newKey();
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(true);
            insert(connection, journeyId, key);
            return new Stored(secretKey(key));
        } catch (SQLException unavailable) {
            if (!UNIQUE_VIOLATION.equals(unavailable.getSQLState())) {
                throw new KeyStoreUnavailable(unavailable);
            }
            Stored madeElsewhere = read(journeyId);
            if (madeElsewhere == null) {
                throw new KeyStoreUnavailable(unavailable);
            }
            return madeElsewhere;
        }
    }

    private void insert(Connection connection, String journeyId, @Nullable String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO journey_key (journey_id, data_key, erased_at) VALUES (?, ?, ?)")) {
            insert.setString(1, journeyId);
            insert.setString(2, key);
            insert.setString(3, key == null ? clock.instant().toString() : null);
            insert.executeUpdate();
        }
    }

    private @Nullable Stored read(String journeyId) {
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(true);
            return read(connection, journeyId);
        } catch (SQLException unavailable) {
            throw new KeyStoreUnavailable(unavailable);
        }
    }

    private static @Nullable Stored read(Connection connection, String journeyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT data_key FROM journey_key WHERE journey_id = ?")) {
            select.setString(1, journeyId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String key = row.getString(1);
                return new Stored(key == null ? null : secretKey(key));
            }
        }
    }

    private static SecretKey secretKey(String stored) {
        return new SecretKeySpec(Base64.getDecoder().decode(stored), "AES");
    }

    /** Closes the key store's connections, if they are a pool. */
    @Override
    public void close() throws Exception {
        if (store instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** What is held of the journey's key, if it is still held: its key, or that it was erased. */
    private @Nullable Stored held(String journeyId) {
        synchronized (held) {
            Held known = held.get(journeyId);
            if (known == null || clock.instant().isAfter(known.until())) {
                return null;
            }
            return known.stored();
        }
    }

    /** Holds a key for {@link #HELD}, and an erasure for good: no key is made again for an erased journey. */
    private void hold(String journeyId, Stored stored) {
        synchronized (held) {
            held.put(journeyId, new Held(stored, stored.key() == null ? Instant.MAX : clock.instant().plus(HELD)));
        }
    }

    private record Stored(@Nullable SecretKey key) {
    }

    private record Held(Stored stored, Instant until) {
    }

    /** The key store could not be read or written; its database's own message is not repeated. */
    public static final class KeyStoreUnavailable extends IllegalStateException {

        KeyStoreUnavailable(SQLException cause) {
            super("the key store is unavailable (SQLState " + cause.getSQLState() + ")");
        }
    }

    /** An event of an erased journey cannot be enciphered: the journey takes no more. */
    public static final class JourneyErasedException extends IllegalStateException {

        JourneyErasedException() {
            super("the journey was erased");
        }
    }
}

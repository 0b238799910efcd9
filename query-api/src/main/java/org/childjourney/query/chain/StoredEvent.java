package org.childjourney.query.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One row of the event store as it is stored: every column of Axon's {@code DomainEventEntry}, the payload and the
 * metadata as their bytes. The chain hashes all of it, so that a change to any column of a stored event breaks its
 * link. The store's position ({@code globalIndex}) is hashed too: an event moved is an event changed.
 */
record StoredEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
        @Nullable String type, String timeStamp, String payloadType, @Nullable String payloadRevision, byte[] payload,
        byte @Nullable [] metaData) {

    /** The columns {@link #read} reads, in a query's select list. */
    static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
            + " payloadType, payloadRevision, payload, metaData";

    /** {@link #COLUMNS} of the event store's table named {@code e} in a query that joins it. */
    static final String COLUMNS_OF_E = Arrays.stream(COLUMNS.split(", ")).map(column -> "e." + column)
            .collect(Collectors.joining(", "));
    /** The chain's last link: its number, position and hash. */
    static final String LAST_LINK = "SELECT link, global_index, link_hash FROM event_chain ORDER BY link DESC"
            + " FETCH FIRST 1 ROWS ONLY";

    /** The event at the result's current row, selected by {@link #COLUMNS} (or {@link #COLUMNS_OF_E}). */
    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("globalIndex"), row.getString("eventIdentifier"),
                row.getString("aggregateIdentifier"), row.getLong("sequenceNumber"), row.getString("type"),
                row.getString("timeStamp"), row.getString("payloadType"), row.getString("payloadRevision"),
                row.getBytes("payload"), row.getBytes("metaData"));
    }

    /**
     * The link after {@code previous} for this event: SHA-256 over the previous link's 32 bytes and then each column,
     * in {@link #COLUMNS}' order, as a 4-byte big-endian length and its bytes (text in UTF-8, numbers in decimal,
     * a null column as length -1 and no bytes), so that no two different rows hash alike by moving bytes between
     * columns.
     */
    byte[] linkAfter(byte[] previous) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        column(sha256, Long.toString(position));
        column(sha256, eventIdentifier);
        column(sha256, aggregateIdentifier);
        column(sha256, Long.toString(sequenceNumber));
        column(sha256, type);
        column(sha256, timeStamp);
        column(sha256, payloadType);
        column(sha256, payloadRevision);
        column(sha256, payload);
        column(sha256, metaData);
        return sha256.digest();
    }

    private static void column(MessageDigest sha256, @Nullable String text) {
        column(sha256, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void column(MessageDigest sha256, byte @Nullable [] bytes) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            sha256.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}

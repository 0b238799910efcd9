package org.childjourney.query.chain;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Writes the whole record as NDJSON (docs/export.md), for a council leaving with its data or moving it to another
 * deployment: a header naming the format and the chain's head; then every chained event, in the chain's order, with
 * its position, its columns as stored, its payload and metadata as the JSON they are stored as (the events' published
 * form, docs/events.md) and its link; then the chain's checkpoints; then the intake ledger's idempotency rows
 * ({@link LedgerTable}); then an end line with the counts, so that a file cut short is known. The chain is walked as
 * the events are read: an export of a chain that does not hold stops at the first broken link. It reads one snapshot
 * of the store (the caller's transaction), and refuses one that holds events not chained yet, whose ledger rows would
 * otherwise travel without them.
 */
final class RecordExport {

    static final String FORMAT = "childjourney-record";
    static final int VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 1_000;
    private static final String EVENTS = "SELECT c.link, c.link_hash, "
            + StoredEvent.COLUMNS_OF_E
            + " FROM event_chain c JOIN DomainEventEntry e ON e.globalIndex = c.global_index"
            + " WHERE c.link > ? AND c.link <= ? ORDER BY c.link FETCH FIRST " + PAGE + " ROWS ONLY";

    private RecordExport() {
    }

    /** What an export wrote. */
    record Written(long events, long checkpoints, long ledgerRows) {
    }

    /** The record cannot be exported whole as it is: why, naming positions only. */
    static final class NotExportable extends RuntimeException {

        NotExportable(String reason) {
            super(reason);
        }
    }

    /**
     * Writes the record in the store to {@code to}.
     *
     * @throws ChainBroken if a link does not hold (nothing after it is written, and the file is incomplete)
     */
    static Written export(Connection store, OutputStream to, String now) throws SQLException, IOException {
        long leftOut = leftOut(store);
        if (leftOut > 0) {
            throw new NotExportable(leftOut + " events are not chained yet: stop the agencies' pushes, let the chain"
                    + " catch up, and export again");
        }
        Checkpoint head = head(store);
        try (JsonGenerator line = new JsonFactory().createGenerator(to, JsonEncoding.UTF8)) {
            line.setRootValueSeparator(null);
            line.writeStartObject();
            line.writeStringField("format", FORMAT);
            line.writeNumberField("version", VERSION);
            line.writeStringField("exportedAt", now);
            line.writeObjectFieldStart("head");
            line.writeNumberField("link", head.link());
            line.writeNumberField("position", head.position());
            line.writeStringField("hash", head.hash());
            line.writeEndObject();
            line.writeEndObject();
            end(line);
            long events = events(store, head, line);
            long checkpoints = checkpoints(store, head, line);
            long ledgerRows = 0;
            for (LedgerTable table : LedgerTable.ALL) {
                ledgerRows += ledger(store, table, line);
            }
            line.writeStartObject();
            line.writeObjectFieldStart("end");
            line.writeNumberField("events", events);
            line.writeNumberField("checkpoints", checkpoints);
            line.writeNumberField("ledgerRows", ledgerRows);
            line.writeEndObject();
            line.writeEndObject();
            end(line);
            return new Written(events, checkpoints, ledgerRows);
        }
    }

    private static long events(Connection store, Checkpoint head, JsonGenerator line)
            throws SQLException, IOException {
        byte[] previous = EventChainer.GENESIS;
        long link = 0;
        try (PreparedStatement page = store.prepareStatement(EVENTS)) {
            long read;
            do {
                page.setLong(1, link);
                page.setLong(2, head.link());
                read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        long number = rows.getLong("link");
                        StoredEvent event = StoredEvent.read(rows);
                        previous = event.linkAfter(previous);
                        String hash = HEX.formatHex(previous);
                        if (number != link + 1 || !hash.equalsIgnoreCase(rows.getString("link_hash"))) {
                            throw new ChainBroken(new Verdict(false, link, null, new Verdict.BrokenLink(link + 1,
                                    event.position(), "the chain does not hold here: verify it"), 0, 0, null));
                        }
                        link = number;
                        write(event, link, hash, line);
                    }
                }
            } while (read == PAGE);
        }
        return link;
    }

    private static void write(StoredEvent event, long link, String hash, JsonGenerator line) throws IOException {
        line.writeStartObject();
        line.writeNumberField("link", link);
        line.writeStringField("linkHash", hash);
        line.writeNumberField("position", event.position());
        line.writeStringField("eventIdentifier", event.eventIdentifier());
        line.writeStringField("aggregateIdentifier", event.aggregateIdentifier());
        line.writeNumberField("sequenceNumber", event.sequenceNumber());
        line.writeStringField("type", event.type());
        line.writeStringField("timeStamp", event.timeStamp());
        line.writeStringField("payloadType", event.payloadType());
        line.writeStringField("payloadRevision", event.payloadRevision());
        line.writeFieldName("payload");
        line.writeRawValue(object(event.payload(), event.position(), "payload"));
        line.writeFieldName("metaData");
        if (event.metaData() == null) {
            line.writeNull();
        } else {
            line.writeRawValue(object(event.metaData(), event.position(), "metadata"));
        }
        line.writeEndObject();
        end(line);
    }

    /**
     * The stored bytes as the text of one JSON object on one line, exactly: the import takes that text back as the
     * bytes, and anything else (bytes that are not UTF-8, text around the object, a line break) would not come back
     * the same.
     */
    private static String object(byte[] stored, long position, String column) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(stored)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new NotExportable("the " + column + " of the event at position " + position + " is not UTF-8");
        }
        if (!text.startsWith("{") || !text.endsWith("}") || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new NotExportable("the " + column + " of the event at position " + position
                    + " is not stored as one JSON object on one line");
        }
        return text;
    }

    private static long checkpoints(Connection store, Checkpoint head, JsonGenerator line)
            throws SQLException, IOException {
        long written = 0;
        try (PreparedStatement query = store.prepareStatement("SELECT link, global_index, link_hash, made_at FROM"
                + " chain_checkpoint WHERE link <= ? ORDER BY link")) {
            query.setLong(1, head.link());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    line.writeStartObject();
                    line.writeObjectFieldStart("checkpoint");
                    line.writeNumberField("link", rows.getLong(1));
                    line.writeNumberField("position", rows.getLong(2));
                    line.writeStringField("hash", rows.getString(3));
                    line.writeStringField("madeAt", rows.getString(4));
                    line.writeEndObject();
                    line.writeEndObject();
                    end(line);
                    written++;
                }
            }
        }
        return written;
    }

    private static long ledger(Connection store, LedgerTable table, JsonGenerator line)
            throws SQLException, IOException {
        long written = 0;
        try (PreparedStatement query = store.prepareStatement(table.select());
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Object[] values = table.read(rows);
                line.writeStartObject();
                line.writeStringField("table", table.name());
                line.writeArrayFieldStart("row");
                for (Object value : values) {
                    if (value == null) {
                        line.writeNull();
                    } else if (value instanceof Integer number) {
                        line.writeNumber(number);
                    } else {
                        line.writeString(value.toString());
                    }
                }
                line.writeEndArray();
                line.writeEndObject();
                end(line);
                written++;
            }
        }
        return written;
    }

    private static Checkpoint head(Connection store) throws SQLException {
        try (PreparedStatement query = store.prepareStatement(StoredEvent.LAST_LINK);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getString(3), null)
                    : new Checkpoint(0, 0, HEX.formatHex(EventChainer.GENESIS), null);
        }
    }

    /** Events in the store not on the chain: appended since the chain's last batch, or left off it. */
    private static long leftOut(Connection store) throws SQLException {
        try (PreparedStatement query = store.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry e WHERE NOT"
                + " EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.globalIndex)");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void end(JsonGenerator line) throws IOException {
        line.writeRaw('\n');
    }
}

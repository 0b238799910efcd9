package org.childjourney.query.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a record from an export ({@link RecordExport}) in an empty store whose schema the migrations made: every
 * event with its position and columns byte for byte, the chain link by link, the checkpoints and the intake ledger's
 * rows. Each link is computed again from the event as written and must equal the link exported, and the last must be
 * the head the export names: the record imported is the one exported, or the import stops at the first line that
 * differs. A file cut short (no end line, or counts that differ), a line after the end line, or a checkpoint that is
 * not the chain imported stops it too. The store's next position follows the last imported. One transaction: a
 * failed import leaves the store as empty as it found it.
 */
final class RecordImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    /**
     * What must be empty: the record and the ledger, and the processors' tokens (the services started on the store
     * would have marked their ledger's recomputations done, and set the push processors at its head, before the
     * events they should have seen).
     */
    private static final List<String> MUST_BE_EMPTY = List.of("DomainEventEntry", "event_chain", "chain_checkpoint",
            "intake_submission", "intake_household_entry", "journey_identifier", "intake_migration", "TokenEntry");
    private static final int FLUSH_EVERY = 1_000;

    private RecordImport() {
    }

    /** What an import wrote. */
    record Imported(long events, long checkpoints, long ledgerRows, Checkpoint head) {
    }

    /** The export is not a whole record this import can rebuild: a line, or the file, and what is wrong. */
    static final class NotImported extends RuntimeException {

        NotImported(String reason) {
            super(reason);
        }
    }

    /**
     * Imports the export read from {@code from} into the empty store.
     *
     * @throws NotImported if the store is not empty, or the export is not a whole, unchanged record
     */
    static Imported importInto(Connection store, BufferedReader from) throws SQLException, IOException {
        for (String table : MUST_BE_EMPTY) {
            if (count(store, "SELECT COUNT(*) FROM " + table) > 0) {
                throw new NotImported("the store is not empty (" + table + " has rows): an import rebuilds a record"
                        + " in a new store, before any service has started on it");
            }
        }
        store.setAutoCommit(false);
        JsonNode header = JSON.readTree(line(from, 1));
        if (!RecordExport.FORMAT.equals(header.path("format").asText())
                || header.path("version").asInt() != RecordExport.VERSION) {
            throw new NotImported("line 1: not an export of this record's format, version " + RecordExport.VERSION);
        }
        Writing writing = new Writing(store);
        try {
            String text;
            long number = 1;
            while ((text = from.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                writing.line(number, text);
                if (number % FLUSH_EVERY == 0) {
                    writing.flush();
                }
            }
            writing.flush();
            writing.finish(header.path("head"));
            store.commit();
        } catch (SQLException | IOException | RuntimeException failed) {
            store.rollback();
            throw failed;
        } finally {
            writing.close();
        }
        return writing.imported();
    }

    private static String line(BufferedReader from, long number) throws IOException {
        String text = from.readLine();
        if (text == null) {
            throw new NotImported("line " + number + ": the file ends here");
        }
        return text;
    }

    private static long count(Connection store, String sql) throws SQLException {
        try (Statement query = store.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The import under way: the statements it batches, the chain so far and what it has counted. */
    private static final class Writing {

        private final Connection store;
        private final PreparedStatement events;
        private final PreparedStatement links;
        private final PreparedStatement checkpoints;
        private final Map<String, PreparedStatement> ledger = new HashMap<>();
        private byte[] previous = EventChainer.GENESIS;
        private long link;
        private long position;
        private long maxPosition;
        private long checkpointCount;
        private long ledgerRows;
        private @Nullable JsonNode end;
        private final List<JsonNode> kept = new ArrayList<>();

        Writing(Connection store) throws SQLException {
            this.store = store;
            this.events = store.prepareStatement("INSERT INTO DomainEventEntry (" + StoredEvent.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.links = store.prepareStatement("INSERT INTO event_chain (link, global_index, link_hash)"
                    + " VALUES (?, ?, ?)");
            this.checkpoints = store.prepareStatement("INSERT INTO chain_checkpoint (link, global_index, link_hash,"
                    + " made_at) VALUES (?, ?, ?, ?)");
            for (LedgerTable table : LedgerTable.ALL) {
                ledger.put(table.name(), store.prepareStatement(table.insert()));
            }
        }

        /** Writes one line (the end line only notes the counts). */
        void line(long number, String text) throws SQLException, IOException {
            if (end != null) {
                throw new NotImported("line " + number + ": after the end line");
            }
            if (text.startsWith("{\"link\"")) {
                event(number, text);
                return;
            }
            JsonNode line = JSON.readTree(text);
            if (line.has("checkpoint")) {
                JsonNode checkpoint = line.path("checkpoint");
                checkpoints.setLong(1, checkpoint.path("link").asLong());
                checkpoints.setLong(2, checkpoint.path("position").asLong());
                checkpoints.setString(3, checkpoint.path("hash").asText());
                checkpoints.setString(4, checkpoint.path("madeAt").asText());
                checkpoints.addBatch();
                checkpointCount++;
                kept.add(checkpoint);
            } else if (line.has("table") && ledger.containsKey(line.path("table").asText())) {
                LedgerTable table = LedgerTable.ALL.stream()
                        .filter(each -> each.name().equals(line.path("table").asText())).findFirst().orElseThrow();
                List<Object> values = new ArrayList<>();
                line.path("row").forEach(value -> values.add(value.isNull() ? null
                        : value.isNumber() ? value.numberValue() : value.asText()));
                if (values.size() != table.columns().size()) {
                    throw new NotImported("line " + number + ": a row of " + table.name() + " with "
                            + values.size() + " columns");
                }
                PreparedStatement insert = ledger.get(table.name());
                table.bind(insert, values);
                insert.addBatch();
                ledgerRows++;
            } else if (line.has("end")) {
                end = line.path("end");
            } else {
                throw new NotImported("line " + number + ": not a line of an export");
            }
        }

        /**
         * An event line: the payload and metadata are taken as the very text exported (the bytes stored), not as
         * JSON read and written again, so that the event is written as it was stored.
         */
        private void event(long number, String text) throws SQLException, IOException {
            Map<String, String> raw = new HashMap<>();
            Map<String, JsonNode> fields = new HashMap<>();
            try (JsonParser parser = new JsonFactory().createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new NotImported("line " + number + ": not an event");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ((name.equals("payload") || name.equals("metaData")) && value == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        raw.put(name, text.substring(start, (int) parser.currentLocation().getCharOffset()));
                    } else {
                        fields.put(name, JSON.readTree(parser));
                    }
                }
            }
            if (!raw.containsKey("payload")) {
                throw new NotImported("line " + number + ": an event without its payload");
            }
            StoredEvent event = new StoredEvent(number(fields, "position"), text(fields, "eventIdentifier"),
                    text(fields, "aggregateIdentifier"), number(fields, "sequenceNumber"), optional(fields, "type"),
                    text(fields, "timeStamp"), text(fields, "payloadType"), optional(fields, "payloadRevision"),
                    raw.get("payload").getBytes(StandardCharsets.UTF_8),
                    raw.containsKey("metaData") ? raw.get("metaData").getBytes(StandardCharsets.UTF_8) : null);
            long exported = number(fields, "link");
            previous = event.linkAfter(previous);
            String hash = HEX.formatHex(previous);
            if (exported != link + 1) {
                throw new NotImported("line " + number + ": link " + exported + " where link " + (link + 1)
                        + " was due");
            }
            if (!hash.equalsIgnoreCase(text(fields, "linkHash"))) {
                throw new NotImported("line " + number + ": the event at link " + exported
                        + " is not the one exported (its link differs)");
            }
            link = exported;
            position = event.position();
            maxPosition = Math.max(maxPosition, position);
            events.setLong(1, event.position());
            events.setString(2, event.eventIdentifier());
            events.setString(3, event.aggregateIdentifier());
            events.setLong(4, event.sequenceNumber());
            events.setString(5, event.type());
            events.setString(6, event.timeStamp());
            events.setString(7, event.payloadType());
            events.setString(8, event.payloadRevision());
            events.setBytes(9, event.payload());
            events.setBytes(10, event.metaData());
            events.addBatch();
            links.setLong(1, link);
            links.setLong(2, event.position());
            links.setString(3, hash);
            links.addBatch();
        }

        void flush() throws SQLException {
            events.executeBatch();
            links.executeBatch();
            checkpoints.executeBatch();
            for (PreparedStatement insert : ledger.values()) {
                insert.executeBatch();
            }
        }

        /**
         * Checks the end line, the head and each checkpoint against the chain imported, and sets the store's next
         * position after the last imported.
         */
        void finish(JsonNode head) throws SQLException {
            try (PreparedStatement linked = store.prepareStatement("SELECT global_index, link_hash FROM event_chain"
                    + " WHERE link = ?")) {
                for (JsonNode checkpoint : kept) {
                    linked.setLong(1, checkpoint.path("link").asLong());
                    try (ResultSet row = linked.executeQuery()) {
                        if (!row.next() || row.getLong(1) != checkpoint.path("position").asLong()
                                || !row.getString(2).equalsIgnoreCase(checkpoint.path("hash").asText())) {
                            throw new NotImported("the checkpoint at link " + checkpoint.path("link").asLong()
                                    + " is not the chain imported");
                        }
                    }
                }
            }
            if (end == null) {
                throw new NotImported("the file ends before its end line: it was cut short");
            }
            if (end.path("events").asLong() != link || end.path("checkpoints").asLong() != checkpointCount
                    || end.path("ledgerRows").asLong() != ledgerRows) {
                throw new NotImported("the end line counts other lines than the file holds: lines are missing");
            }
            if (head.path("link").asLong() != link || link > 0 && !HEX.formatHex(previous)
                    .equalsIgnoreCase(head.path("hash").asText())) {
                throw new NotImported("the chain imported does not end at the head the export names");
            }
            try (Statement restart = store.createStatement()) {
                restart.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH "
                        + (maxPosition + 1));
            }
        }

        Imported imported() {
            return new Imported(link, checkpointCount, ledgerRows,
                    new Checkpoint(link, position, HEX.formatHex(previous), null));
        }

        void close() throws SQLException {
            events.close();
            links.close();
            checkpoints.close();
            for (PreparedStatement insert : ledger.values()) {
                insert.close();
            }
        }

        private static long number(Map<String, JsonNode> fields, String name) {
            JsonNode value = fields.get(name);
            if (value == null || !value.canConvertToLong()) {
                throw new NotImported("an event without its " + name);
            }
            return value.asLong();
        }

        private static String text(Map<String, JsonNode> fields, String name) {
            String value = optional(fields, name);
            if (value == null) {
                throw new NotImported("an event without its " + name);
            }
            return value;
        }

        private static @Nullable String optional(Map<String, JsonNode> fields, String name) {
            JsonNode value = fields.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}

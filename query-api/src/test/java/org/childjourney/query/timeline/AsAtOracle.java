package org.childjourney.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a timeline as-at an instant, and a viewer's reads up to it, must show, worked out from the event store's rows
 * alone: each stored event's JSON read as a tree, with no event class, fold or projection of the record's own
 * ({@code OraclesTest} keeps it so). An entry is any event with an entry id and a provenance; one that names a
 * target is an amendment of it. Statuses are those the amendments recorded by then give; a viewer's reads are the
 * disclosure records naming them and the journey, in the order stored.
 */
final class AsAtOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Entry id to its status then; the original text of each entry's {@code description}, if it has one. */
    private final Map<String, String> statuses = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final List<List<String>> reads = new ArrayList<>();

    private AsAtOracle() {
    }

    static AsAtOracle of(JdbcClient jdbc, String journeyId, Instant asAt, String viewer) {
        AsAtOracle oracle = new AsAtOracle();
        jdbc.sql("SELECT payload, timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber").param(journeyId).query((row, n) -> {
                    if (!Instant.parse(row.getString("timeStamp")).isAfter(asAt)) {
                        oracle.entry(tree(row.getBytes("payload")));
                    }
                    return null;
                }).list();
        jdbc.sql("SELECT payload, timeStamp FROM DomainEventEntry WHERE payloadType LIKE '%.JourneyDisclosed' "
                + "ORDER BY globalIndex").query((row, n) -> {
                    JsonNode read = tree(row.getBytes("payload"));
                    if (!Instant.parse(row.getString("timeStamp")).isAfter(asAt)
                            && journeyId.equals(read.path("journeyId").asText())
                            && viewer.equals(read.path("viewer").path("username").asText())) {
                        List<String> disclosed = new ArrayList<>();
                        read.path("disclosed").forEach(id -> disclosed.add(id.asText()));
                        oracle.reads.add(disclosed);
                    }
                    return null;
                }).list();
        return oracle;
    }

    private void entry(JsonNode event) {
        if (!event.has("entryId") || !event.has("provenance")) {
            return;
        }
        String target = event.path("targetEntryId").asText(null);
        if (target == null) {
            statuses.put(event.path("entryId").asText(), "current");
            if (event.has("description")) {
                descriptions.put(event.path("entryId").asText(), event.path("description").asText());
            }
        } else if (event.has("correctedDetails")) {
            statuses.computeIfPresent(target, (id, status) -> "retracted".equals(status) ? status : "corrected");
        } else {
            statuses.computeIfPresent(target, (id, status) -> "retracted");
        }
    }

    Map<String, String> statuses() {
        return statuses;
    }

    String description(String entryId) {
        return descriptions.get(entryId);
    }

    /** The entry ids each of the viewer's reads disclosed, in the order stored. */
    List<List<String>> reads() {
        return reads;
    }

    private static JsonNode tree(byte[] payload) {
        try {
            return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

package org.childjourney.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a timeline as-at an instant, and a viewer's reads up to it, must show, worked out from the event store's rows
 * alone: each stored event's JSON read as a tree, with no event class, fold or projection of the record's own
 * ({@code OraclesTest} keeps it so). An entry is any event with an entry id and a provenance; one that names a
 * target is an amendment of it. Statuses are those the amendments recorded by then give; a viewer's reads are the
 * disclosure records naming them and the journey, in the order stored. A journey's events are stored enciphered
 * (docs/erasure.md): the oracle opens them itself, AES-256-GCM under the journey's key, as the envelope's format says.
 */
final class AsAtOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Entry id to its status then; the original text of each entry's {@code description}, if it has one. */
    private final Map<String, String> statuses = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final List<List<String>> reads = new ArrayList<>();

    private AsAtOracle() {
    }

    static AsAtOracle of(JdbcClient jdbc, String journeyId, Instant asAt, String viewer, byte[] journeyKey) {
        AsAtOracle oracle = new AsAtOracle();
        jdbc.sql("SELECT payload, payloadType, timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber").param(journeyId).query((row, n) -> {
                    if (!Instant.parse(row.getString("timeStamp")).isAfter(asAt)) {
                        oracle.entry(opened(tree(row.getBytes("payload")), row.getString("payloadType"), journeyKey));
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

    /** The event an envelope holds, or the event itself if it is not enciphered. */
    private static JsonNode opened(JsonNode stored, String type, byte[] journeyKey) {
        if (!"cj1".equals(stored.path("cipher").asText())) {
            return stored;
        }
        byte[] data = Base64.getDecoder().decode(stored.path("data").asText());
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(journeyKey, "AES"), new GCMParameterSpec(128, data, 0, 12));
            aes.updateAAD(("cj1\n" + stored.path("journey").asText() + "\n" + type).getBytes(StandardCharsets.UTF_8));
            return tree(aes.doFinal(data, 12, data.length - 12));
        } catch (GeneralSecurityException unopened) {
            throw new IllegalStateException(unopened);
        }
    }

    private static JsonNode tree(byte[] payload) {
        try {
            return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

package org.childjourney.query.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A timeline's records folded for reading: each entry as it now stands, with the history that brought it there.
 * An entry's {@code status} is {@code current}, {@code corrected} (its {@code details} are the latest correction's,
 * the first recorded are kept as {@code original}) or {@code retracted}; {@code amendments} lists each correction
 * and retraction in the order recorded: its entry id, when it was recorded, by which agency, why, and a
 * correction's details. Corrections and retractions are kept as history, not shown as entries of their own.
 */
final class TimelineHistory {

    private final Map<String, Document> standing = new LinkedHashMap<>();
    private final List<Document> nonDisclosures = new ArrayList<>();
    private final List<Document> refusedSharing = new ArrayList<>();

    private TimelineHistory() {
    }

    static TimelineHistory of(List<Document> records) {
        TimelineHistory history = new TimelineHistory();
        records.forEach(history::fold);
        return history;
    }

    private void fold(Document record) {
        if ("non-disclosure".equals(record.getString("record"))) {
            nonDisclosures.add(record);
            return;
        }
        if ("sharing-refused".equals(record.getString("record"))) {
            refusedSharing.add(record);
            return;
        }
        String target = record.getString("amends");
        if (target == null) {
            standing.put(record.getString("entryId"), new Document(record).append("status", "current")
                    .append("amendments", new ArrayList<Document>()));
            return;
        }
        Document entry = standing.get(target);
        if (entry == null) {
            return;
        }
        String amendment = record.getString("amendment");
        Document amended = new Document("entryId", record.getString("entryId")).append("kind", amendment)
                .append("recordedAt", record.getString("recordedAt"))
                .append("agency", record.get("agency", Document.class).getString("code"))
                .append("reason", record.get("details", Document.class).get("reason"));
        if ("corrected".equals(amendment)) {
            Document corrected = record.get("correctedDetails", Document.class);
            amended.append("details", corrected);
            entry.putIfAbsent("original", entry.get("details"));
            entry.put("details", corrected);
        }
        entry.put("status", "retracted".equals(amendment) || "retracted".equals(entry.getString("status"))
                ? "retracted" : "corrected");
        entry.getList("amendments", Document.class).add(amended);
    }

    /** Every entry as it now stands, in the order the record learned of them. */
    List<Document> standingEntries() {
        return List.copyOf(standing.values());
    }

    /** Decisions not to share, for auditors, in the order recorded. */
    List<Document> nonDisclosures() {
        return List.copyOf(nonDisclosures);
    }

    /** Sharing decisions the journey refused, for auditors, in the order recorded. */
    List<Document> refusedSharing() {
        return List.copyOf(refusedSharing);
    }
}

package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.SharingDeclined;

/**
 * One child's timeline in collection {@code timelines}, keyed by journey id: every entry with both clocks, and the
 * decisions not to share, for auditors. It shows entries; it decides nothing: access is decided on the journey's
 * facts folded from the event store ({@link JourneyFactsFromEvents}). Keeps the sequence number of the last event
 * applied, so that a redelivered event changes nothing. Entries that amend others (corrections, retractions) are
 * kept for the record but not shown as entries.
 */
final class TimelineDocument {

    static final String COLLECTION = "timelines";

    private final Document bson;

    private TimelineDocument(Document bson) {
        this.bson = bson;
    }

    static TimelineDocument of(Document bson) {
        return new TimelineDocument(bson);
    }

    static TimelineDocument open(ChildJourneyId journeyId) {
        return new TimelineDocument(new Document("_id", journeyId.toString())
                .append("sequence", -1L)
                .append("asOf", null)
                .append("entries", new ArrayList<Document>())
                .append("nonDisclosures", new ArrayList<Document>()));
    }

    Document bson() {
        return bson;
    }

    String journeyId() {
        return bson.getString("_id");
    }

    /** Whether the event with this aggregate sequence number is already applied. */
    boolean hasApplied(long sequence) {
        return sequence <= bson.get("sequence", Number.class).longValue();
    }

    /** The recorded time of the latest event applied. */
    String asOf() {
        return bson.getString("asOf");
    }

    void apply(JourneyEvent event, long sequence, Instant recordedAt) {
        if (event instanceof JourneyEntry entry) {
            applyEntry(entry, recordedAt);
        } else if (event instanceof SharingDeclined declined) {
            list("nonDisclosures").add(new Document("toAgency", declined.toAgency().value())
                    .append("entryIds", ids(declined.entryIds())).append("by", declined.decidedBy().username())
                    .append("agency", declined.decidedBy().agency() == null ? null
                            : declined.decidedBy().agency().value())
                    .append("reason", declined.reason().value()).append("at", recordedAt.toString()));
        }
        bson.put("sequence", sequence);
        bson.put("asOf", recordedAt.toString());
    }

    private void applyEntry(JourneyEntry event, Instant recordedAt) {
        EntryType type = EntryType.of(event);
        String agency = event.provenance().agency().code().value();
        list("entries").add(new Document("entryId", event.entryId().toString())
                .append("type", type.wireName())
                .append("occurredAt", event.provenance().occurredAt().toString())
                .append("recordedAt", recordedAt.toString())
                .append("agency", new Document("code", agency).append("kind", event.provenance().agency().kind().name()))
                .append("summary", EntryRendering.summary(event))
                .append("details", EntryRendering.details(event))
                .append("consent", new Document("status", EntryRendering.kebab(event.consent().status())))
                .append("sensitivity", event.provenance().sensitivity().name())
                .append("status", "current")
                .append("amends", type.amends()));
        if (event instanceof EntryCorrected corrected) {
            amend(corrected.targetEntryId(), "corrected")
                    .ifPresent(target -> target.append("details", EntryRendering.correctedDetails(corrected)));
        } else if (event instanceof EntryRetracted retracted) {
            amend(retracted.targetEntryId(), "retracted");
        }
    }

    /** Entries as they stand on the timeline: amendments applied, amendments themselves left out. */
    List<Document> standingEntries() {
        return list("entries").stream().filter(entry -> !entry.getBoolean("amends", false)).toList();
    }

    /** Decisions not to share, for auditors. */
    List<Document> nonDisclosures() {
        return List.copyOf(list("nonDisclosures"));
    }

    private Optional<Document> amend(EntryId target, String status) {
        return list("entries").stream()
                .filter(entry -> entry.getString("entryId").equals(target.toString()))
                .findFirst()
                .map(entry -> entry.append("status", status));
    }

    private static List<String> ids(List<EntryId> entryIds) {
        return entryIds.stream().map(EntryId::toString).toList();
    }

    /** A list field, created on first use so that documents written before it existed still apply events. */
    @SuppressWarnings("unchecked")
    private List<Document> list(String field) {
        return (List<Document>) bson.computeIfAbsent(field, absent -> new ArrayList<Document>());
    }
}

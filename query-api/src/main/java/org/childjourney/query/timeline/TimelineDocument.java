package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.Locale;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.SharingDeclined;
import org.childjourney.core.journey.event.SharingRefused;
import org.childjourney.query.readmodel.DocumentBatch;
import org.childjourney.query.readmodel.PagedItems;
import org.jspecify.annotations.Nullable;

/**
 * The head of one child's timeline in collection {@code timelines}, keyed by journey id, with its full pages in
 * {@code timeline_pages} ({@link PagedItems}): the timeline's records in the order the record learned of them, each
 * written once and never changed. A record is an entry with both clocks (a correction or retraction is an entry
 * that names its target), a decision not to share, or a sharing decision refused. What an entry now shows, and its history, is folded from the
 * records at the read ({@link TimelineHistory}), so nothing recorded is overwritten. It decides nothing: access is
 * decided on the journey's facts folded from the event store ({@link JourneyFactsFromEvents}). The head keeps the
 * sequence number of the last event applied, so that a redelivered event changes nothing.
 */
final class TimelineDocument {

    static final String COLLECTION = "timelines";
    static final String PAGES = "timeline_pages";

    private final Document head;

    private TimelineDocument(Document head) {
        this.head = head;
    }

    static TimelineDocument of(Document head) {
        return new TimelineDocument(head);
    }

    static Document open(ChildJourneyId journeyId) {
        return new Document("_id", journeyId.toString()).append("sequence", -1L).append("asOf", null);
    }

    Document head() {
        return head;
    }

    /** Whether the event with this aggregate sequence number is already applied. */
    boolean hasApplied(long sequence) {
        return sequence <= head.get("sequence", Number.class).longValue();
    }

    /** The recorded time of the latest event applied. */
    @Nullable String asOf() {
        return head.getString("asOf");
    }

    void apply(JourneyEvent event, long sequence, Instant recordedAt, PagedItems paging, DocumentBatch pages) {
        Document record = record(event, recordedAt);
        if (record != null) {
            paging.append(head, pages, record);
        }
        head.put("sequence", sequence);
        head.put("asOf", recordedAt.toString());
    }

    /** The timeline's record of an event, or {@code null} for an event that is not on the timeline. */
    static @Nullable Document record(JourneyEvent event, Instant recordedAt) {
        if (event instanceof JourneyEntry entry) {
            return entry(entry, recordedAt);
        }
        if (event instanceof SharingRefused refused) {
            return new Document("record", "sharing-refused").append("askedBy", refused.askedBy().username())
                    .append("agency", refused.askedBy().agency() == null ? null : refused.askedBy().agency().value())
                    .append("decision", refused.released() ? "release" : "not-to-share")
                    .append("toAgency", refused.toAgency().value())
                    .append("entryIds", refused.entryIds().stream().map(EntryId::toString).toList())
                    .append("refusal", refused.refusal().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append("at", recordedAt.toString());
        }
        if (event instanceof SharingDeclined declined) {
            return new Document("record", "non-disclosure").append("toAgency", declined.toAgency().value())
                    .append("entryIds", declined.entryIds().stream().map(EntryId::toString).toList())
                    .append("by", declined.decidedBy().username())
                    .append("agency", declined.decidedBy().agency() == null ? null
                            : declined.decidedBy().agency().value())
                    .append("reason", declined.reason().value()).append("at", recordedAt.toString());
        }
        return null;
    }

    private static Document entry(JourneyEntry event, Instant recordedAt) {
        EntryType type = EntryType.of(event);
        Document entry = new Document("record", "entry")
                .append("entryId", event.entryId().toString())
                .append("type", type.wireName())
                .append("occurredAt", event.provenance().occurredAt().toString())
                .append("recordedAt", recordedAt.toString())
                .append("agency", new Document("code", event.provenance().agency().code().value())
                        .append("kind", event.provenance().agency().kind().name()))
                .append("summary", event.summary())
                .append("details", EntryRendering.details(event))
                .append("consent", new Document("status", EntryField.kebab(event.consent().status())))
                .append("sensitivity", event.provenance().sensitivity().name());
        if (event.subject().household() != null) {
            entry.append("household", EntryRendering.household(event.subject().household()));
        }
        if (event instanceof EntryCorrected corrected) {
            entry.append("amends", corrected.targetEntryId().toString()).append("amendment", "corrected")
                    .append("correctedDetails", EntryRendering.correctedDetails(corrected));
        } else if (event instanceof EntryRetracted retracted) {
            entry.append("amends", retracted.targetEntryId().toString()).append("amendment", "retracted");
        }
        return entry;
    }
}

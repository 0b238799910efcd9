package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;

/**
 * One child's timeline in collection {@code timelines}, keyed by journey id: every entry with both clocks, the
 * open involvements, and the sequence number of the last event applied, so that a redelivered event changes
 * nothing. Entries that amend others (corrections, retractions) are kept for the record but not shown as entries.
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
                .append("involvements", new ArrayList<Document>()));
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

    /** The recorded time of the latest entry applied. */
    String asOf() {
        return bson.getString("asOf");
    }

    void apply(JourneyEntry event, long sequence, Instant recordedAt) {
        EntryType type = EntryType.of(event);
        Document agency = new Document("code", event.provenance().agency().code().value())
                .append("kind", event.provenance().agency().kind().name());
        Document consent = new Document("status", EntryRendering.kebab(event.consent().status()));
        entries().add(new Document("entryId", event.entryId().toString())
                .append("type", type.wireName())
                .append("occurredAt", event.provenance().occurredAt().toString())
                .append("recordedAt", recordedAt.toString())
                .append("agency", agency)
                .append("summary", EntryRendering.summary(event))
                .append("details", EntryRendering.details(event))
                .append("consent", consent)
                .append("status", "current")
                .append("amends", type.amends()));
        if (event instanceof EntryCorrected corrected) {
            amend(corrected.targetEntryId(), "corrected")
                    .append("details", Document.parse(corrected.correctedDetails().value()));
        } else if (event instanceof EntryRetracted retracted) {
            amend(retracted.targetEntryId(), "retracted");
        } else if (event instanceof InvolvementStarted started) {
            involvements().add(new Document("agency", agency.getString("code")).append("role", started.role()));
        } else if (event instanceof InvolvementEnded ended) {
            involvements().removeIf(open -> open.getString("agency").equals(agency.getString("code"))
                    && open.getString("role").equals(ended.role()));
        }
        bson.put("sequence", sequence);
        bson.put("asOf", recordedAt.toString());
    }

    /** Entries as they stand on the timeline: amendments applied, amendments themselves left out. */
    List<Document> standingEntries() {
        return entries().stream().filter(entry -> !entry.getBoolean("amends", false)).toList();
    }

    /** What the access policy needs to know about this journey. */
    JourneyFacts facts() {
        Set<AgencyCode> submitting = new HashSet<>();
        List<EntryFacts> entryFacts = new ArrayList<>();
        for (Document entry : entries()) {
            AgencyCode agency = AgencyCode.of(entry.get("agency", Document.class).getString("code"));
            if (!EntryType.fromWireName(entry.getString("type")).orElseThrow().recordsInvolvement()) {
                submitting.add(agency);
            }
            entryFacts.add(new EntryFacts(EntryId.of(entry.getString("entryId")), agency, ConsentStatus.valueOf(
                    entry.get("consent", Document.class).getString("status").toUpperCase().replace('-', '_'))));
        }
        Set<AgencyCode> involved = new HashSet<>();
        involvements().forEach(open -> involved.add(AgencyCode.of(open.getString("agency"))));
        return new JourneyFacts(true, involved, submitting, entryFacts);
    }

    private Document amend(EntryId target, String status) {
        return entries().stream()
                .filter(entry -> entry.getString("entryId").equals(target.toString()))
                .findFirst()
                .map(entry -> entry.append("status", status))
                .orElseGet(Document::new);
    }

    @SuppressWarnings("unchecked")
    private List<Document> entries() {
        return (List<Document>) bson.get("entries");
    }

    @SuppressWarnings("unchecked")
    private List<Document> involvements() {
        return (List<Document>) bson.get("involvements");
    }
}

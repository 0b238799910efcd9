package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentRecorded;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.EntriesReleased;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.JourneySealed;
import org.childjourney.core.journey.event.JourneyUnsealed;
import org.childjourney.core.journey.event.SharingDeclined;
import org.childjourney.core.provenance.Sensitivity;

/**
 * One child's timeline in collection {@code timelines}, keyed by journey id: every entry with both clocks, and
 * what the access policy needs (open involvements, hub releases, journey-level consent by scope, whether the
 * journey is sealed, the current child protection plan), plus the decisions not to share, for auditors. Keeps the
 * sequence number of the last event applied, so that a redelivered event changes nothing. Entries that amend
 * others (corrections, retractions) are kept for the record but not shown as entries.
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
                .append("sealed", false)
                .append("entries", new ArrayList<Document>())
                .append("involvements", new ArrayList<Document>())
                .append("releases", new ArrayList<Document>())
                .append("nonDisclosures", new ArrayList<Document>())
                .append("consentScopes", new Document())
                .append("plan", null));
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
        } else if (event instanceof EntriesReleased released) {
            list("releases").add(new Document("toAgency", released.toAgency().value())
                    .append("entryIds", ids(released.entryIds())).append("by", released.releasedBy().username())
                    .append("at", recordedAt.toString()));
        } else if (event instanceof SharingDeclined declined) {
            list("nonDisclosures").add(new Document("toAgency", declined.toAgency().value())
                    .append("entryIds", ids(declined.entryIds())).append("by", declined.decidedBy().username())
                    .append("agency", declined.decidedBy().agency() == null ? null
                            : declined.decidedBy().agency().value())
                    .append("reason", declined.reason().value()).append("at", recordedAt.toString()));
        } else if (event instanceof JourneySealed) {
            bson.put("sealed", true);
        } else if (event instanceof JourneyUnsealed) {
            bson.put("sealed", false);
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
        } else if (event instanceof InvolvementStarted started) {
            list("involvements").add(new Document("agency", agency).append("role", started.role()));
        } else if (event instanceof InvolvementEnded ended) {
            list("involvements").removeIf(open -> open.getString("agency").equals(agency)
                    && open.getString("role").equals(ended.role()));
        } else if (event instanceof ConsentRecorded recorded) {
            consentScopes().put(recorded.scope().toString(), recorded.consent().status().name());
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            consentScopes().put(withdrawn.scope().toString(), ConsentStatus.WITHDRAWN.name());
        } else if (event instanceof ChildProtectionPlanStarted) {
            bson.put("plan", new Document("entryId", event.entryId().toString()).append("agency", agency));
        } else if (event instanceof ChildProtectionPlanEnded) {
            bson.put("plan", null);
        }
    }

    /** Entries as they stand on the timeline: amendments applied, amendments themselves left out. */
    List<Document> standingEntries() {
        return list("entries").stream().filter(entry -> !entry.getBoolean("amends", false)).toList();
    }

    /** The current child protection plan's entry and owning agency, if the child is on a plan. */
    Optional<Document> childProtectionPlan() {
        return Optional.ofNullable(bson.get("plan", Document.class));
    }

    /** Decisions not to share, for auditors. */
    List<Document> nonDisclosures() {
        return List.copyOf(list("nonDisclosures"));
    }

    /** The agencies that hold the child's record with the journey: those working with the child or recording. */
    Set<AgencyCode> owningAgencies() {
        JourneyFacts facts = facts();
        Set<AgencyCode> owners = new HashSet<>(facts.openInvolvements());
        owners.addAll(facts.submittingAgencies());
        return owners;
    }

    /** What the access policy needs to know about this journey. */
    JourneyFacts facts() {
        Set<AgencyCode> submitting = new HashSet<>();
        List<EntryFacts> entryFacts = new ArrayList<>();
        for (Document entry : list("entries")) {
            EntryType type = EntryType.fromWireName(entry.getString("type")).orElseThrow();
            AgencyCode agency = AgencyCode.of(entry.get("agency", Document.class).getString("code"));
            if (!type.recordsInvolvement()) {
                submitting.add(agency);
            }
            entryFacts.add(new EntryFacts(EntryId.of(entry.getString("entryId")), type, agency,
                    ConsentStatus.valueOf(entry.get("consent", Document.class).getString("status")
                            .toUpperCase().replace('-', '_')),
                    Sensitivity.valueOf(entry.get("sensitivity", Sensitivity.NONE.name()))));
        }
        Set<AgencyCode> involved = new HashSet<>();
        list("involvements").forEach(open -> involved.add(AgencyCode.of(open.getString("agency"))));
        Map<AgencyCode, Set<EntryId>> releases = new HashMap<>();
        for (Document release : list("releases")) {
            releases.computeIfAbsent(AgencyCode.of(release.getString("toAgency")), agency -> new HashSet<>())
                    .addAll(release.getList("entryIds", String.class).stream().map(EntryId::of).toList());
        }
        Set<ConsentScope> refused = new HashSet<>();
        consentScopes().forEach((scope, status) -> {
            if (ConsentStatus.REFUSED.name().equals(status) || ConsentStatus.WITHDRAWN.name().equals(status)) {
                refused.add(ConsentScope.of(scope));
            }
        });
        return new JourneyFacts(true, bson.getBoolean("sealed", false), involved, submitting, releases, refused,
                entryFacts);
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

    private Document consentScopes() {
        return (Document) bson.computeIfAbsent("consentScopes", absent -> new Document());
    }

    /** A list field, created on first use so that documents written before it existed still apply events. */
    @SuppressWarnings("unchecked")
    private List<Document> list(String field) {
        return (List<Document>) bson.computeIfAbsent(field, absent -> new ArrayList<Document>());
    }
}

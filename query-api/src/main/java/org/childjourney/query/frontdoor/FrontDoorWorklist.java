package org.childjourney.query.frontdoor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.readmodel.DocumentChanges;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.childjourney.query.readmodel.TimeOrder;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Projects the front-door items awaiting a decision into collection {@code front_door}, one document per item keyed
 * by its entry id, deleted when a decision on it (or its retraction) is recorded, a processor batch's changes sent in
 * one bulk write ({@link DocumentChanges}): the collection holds the hub's
 * backlog, never its history, so listing it oldest first reads only what awaits (the embedded read store sorts the
 * collection; a real MongoDB by an index on {@code order}, the arrival's time as text that sorts, then the journey
 * and the item's place in it: two items of one journey recorded in one millisecond keep their order). Processed with the timelines (processing group
 * {@code timeline}), which read every journey event already. Answers {@link FindFrontDoor}: each item with its
 * journey's facts as of the read (folded from the event store, never a read model), the triage shown only where the
 * hub's ground holds; sealed journeys are left out. A listing is recorded, with the journeys it named, before it is
 * answered.
 */
@Component
@ProcessingGroup("timeline")
class FrontDoorWorklist implements RebuildableProjection {

    static final String COLLECTION = "front_door";

    private final ReadModels readModels;
    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;
    private final AgencyRegister register;
    private final Clock clock;

    FrontDoorWorklist(ReadModels readModels, JourneyFactsSource facts, DisclosureLog disclosures,
            AgencyRegister register, Clock clock) {
        this.readModels = readModels;
        this.facts = facts;
        this.disclosures = disclosures;
        this.register = register;
        this.clock = clock;
    }

    /** Each item is one journey's entry, and what removes it is on the same journey. */
    @Override
    public boolean perJourney() {
        return true;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new FrontDoorWorklist(generation, facts, disclosures, register, clock);
    }

    @EventHandler
    void on(JourneyEntry entry, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            UnitOfWork<?> unitOfWork) {
        EntryType type = EntryType.of(entry);
        DocumentChanges items = DocumentChanges.of(unitOfWork, readModels, COLLECTION);
        if (type == EntryType.CONTACT || type == EntryType.DOMESTIC_ABUSE_NOTIFICATION) {
            items.set(entry.entryId().toString(), new Document("_id", entry.entryId().toString())
                    .append("journeyId", entry.journeyId().toString())
                    .append("type", type.wireName())
                    .append("agency", entry.provenance().agency().code().value())
                    .append("occurredAt", entry.provenance().occurredAt().toString())
                    .append("arrivedAt", recordedAt.toString())
                    .append("order", TimeOrder.of(recordedAt))
                    .append("sequence", sequence));
        } else if (entry instanceof ContactDecided decided) {
            items.delete(decided.contactEntryId().toString());
        } else if (entry instanceof EntryRetracted retracted) {
            items.delete(retracted.targetEntryId().toString());
        }
    }

    /** An erased journey's items leave the worklist (ADR 0015). Found by journey, a scan: erasures are rare. */
    @EventHandler
    void on(JourneyErased erased, UnitOfWork<?> unitOfWork) {
        DocumentChanges items = DocumentChanges.of(unitOfWork, readModels, COLLECTION);
        String journeyId = erased.journeyId().toString();
        items.pendingIds(item -> journeyId.equals(item.getString("journeyId"))).forEach(items::delete);
        items().find(Filters.eq("journeyId", journeyId)).forEach(item -> items.delete(item.getString("_id")));
    }

    /** One page, and whether there is a next. */
    @QueryHandler
    FrontDoorPage handle(FindFrontDoor query) {
        Instant now = Instant.now(clock);
        AccessRequest request = new AccessRequest(query.hub(), register.kindOf(query.hub().agency()),
                Purpose.MASH_TRIAGE, ReadKind.TIMELINE, null, now);
        List<Document> page = items().find().sort(Sorts.ascending("order", "journeyId", "sequence"))
                .skip(query.page() * FindFrontDoor.PAGE).limit(FindFrontDoor.PAGE + 1).into(new ArrayList<>());
        List<FrontDoorItem> shown = new ArrayList<>();
        // The one more tells whether there is a next page; it is not shown, so not recorded either.
        for (Document item : page.subList(0, Math.min(page.size(), FindFrontDoor.PAGE))) {
            JourneyFacts journey = facts.factsOf(ChildJourneyId.of(item.getString("journeyId")));
            if (!journey.sealed()) {
                shown.add(item(item, journey, request, now));
            }
        }
        disclosures.listRead(query.hub(), Purpose.MASH_TRIAGE, "front-door",
                shown.stream().map(item -> ChildJourneyId.of(item.journeyId())).toList());
        return new FrontDoorPage(shown, page.size() > FindFrontDoor.PAGE);
    }

    private FrontDoorItem item(Document item, JourneyFacts journey, AccessRequest request, Instant now) {
        Instant arrived = Instant.parse(item.getString("arrivedAt"));
        AccessDecision decision = AccessPolicies.current().decide(request, journey);
        boolean hub = decision instanceof AccessDecision.Permitted permitted
                && permitted.grounds().contains(Ground.HUB);
        return new FrontDoorItem(item.getString("journeyId"), item.getString("_id"), item.getString("type"),
                item.getString("agency"), Instant.parse(item.getString("occurredAt")), arrived,
                Duration.between(arrived, now), hub ? triage(journey, EntryId.of(item.getString("_id"))) : null);
    }

    private FrontDoorItem.Triage triage(JourneyFacts journey, EntryId itemId) {
        // The journey's entries are in the order the record learned of them: those before the item's own.
        int prior = 0;
        for (EntryFacts entry : journey.entries()) {
            if (entry.entryId().equals(itemId)) {
                break;
            }
            if ((entry.type() == EntryType.CONTACT || entry.type() == EntryType.DOMESTIC_ABUSE_NOTIFICATION)
                    && !journey.retracted().contains(entry.entryId())) {
                prior++;
            }
        }
        List<FrontDoorItem.Involvement> involved = journey.openInvolvements().stream()
                .sorted(Comparator.comparing(AgencyCode::value))
                .map(agency -> new FrontDoorItem.Involvement(agency.value(), kind(register.kindOf(agency))))
                .toList();
        return new FrontDoorItem.Triage(prior, involved, journey.leadAgency().map(AgencyCode::value).orElse(null),
                journey.childProtectionPlan() != null, !journey.openEnquiries().isEmpty(),
                journey.possibleDuplicate());
    }

    private static @Nullable String kind(@Nullable AgencyKind kind) {
        return kind == null ? null : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private MongoCollection<Document> items() {
        return readModels.collection(COLLECTION);
    }
}

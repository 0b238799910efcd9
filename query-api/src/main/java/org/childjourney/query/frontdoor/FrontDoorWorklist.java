package org.childjourney.query.frontdoor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
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
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.childjourney.query.readmodel.SharedPages;
import org.childjourney.query.readmodel.TimeOrder;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Projects the front-door items awaiting a decision into collection {@code front_door}, in pages of the items that
 * arrived in one tenth of a second, keyed by that tenth as text that sorts ({@link #pageOf}), each item removed when
 * a decision on it (or its retraction) is recorded and a page deleted when it holds none: the collection holds the
 * hub's backlog, never its history. A processor batch changes the pages it touches in place, in one bulk write
 * ({@link SharedPages}: another segment, or a dead letter retried, may change the same page meanwhile), so a batch of
 * 500 events writes a handful of pages, not an item each, and a page holds what arrived in a tenth of a second,
 * however long the backlog. Listing it oldest first reads pages in order of their keys (the embedded read store sorts
 * the pages; a real MongoDB walks its {@code _id} index), each page's items in order of arrival, then journey, then
 * place in the journey (two items of one journey recorded in one instant keep their order).
 *
 * <p>Processed with the timelines (processing group {@code timeline}), which read every journey event already, and
 * rebuilt in the store's order, like every list across journeys. A decision names its item only by entry id, on the
 * item's own journey: the item's page is found from that entry's arrival in the journey's own events, folded from the
 * event store. Answers {@link FindFrontDoor}: each item with its journey's facts as of the read (never a read model),
 * the triage shown only where the hub's ground holds; sealed journeys are left out. A listing is recorded, with the
 * journeys it named, before it is answered.
 */
@Component
@ProcessingGroup("timeline")
class FrontDoorWorklist implements RebuildableProjection {

    static final String COLLECTION = "front_door";
    /** Pages fetched from the read store at a time while listing: a listing's page of items spans a few. */
    private static final int PAGES_FETCHED = 4;
    /** A page's key: an arrival's time order ({@link TimeOrder}) to the tenth of a second. */
    private static final int PAGE_KEY = "uuuu-MM-ddTHH:mm:ss.S".length();
    private static final Comparator<Document> ARRIVAL = Comparator.<Document, String>comparing(
            item -> item.getString("order"))
            .thenComparing(item -> item.getString("journeyId"))
            .thenComparingLong(item -> item.get("sequence", Number.class).longValue());

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

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new FrontDoorWorklist(generation, facts, disclosures, register, clock);
    }

    @EventHandler
    void on(JourneyEntry entry, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            UnitOfWork<?> unitOfWork) {
        EntryType type = EntryType.of(entry);
        if (awaitsDecision(type)) {
            pages(unitOfWork).add(pageOf(recordedAt), new Document("entryId", entry.entryId().toString())
                    .append("journeyId", entry.journeyId().toString())
                    .append("type", type.wireName())
                    .append("agency", entry.provenance().agency().code().value())
                    .append("occurredAt", entry.provenance().occurredAt().toString())
                    .append("arrivedAt", recordedAt.toString())
                    .append("order", TimeOrder.of(recordedAt))
                    .append("sequence", sequence));
        } else if (entry instanceof ContactDecided decided) {
            decided(entry.journeyId(), decided.contactEntryId(), unitOfWork);
        } else if (entry instanceof EntryRetracted retracted) {
            decided(entry.journeyId(), retracted.targetEntryId(), unitOfWork);
        }
    }

    /**
     * An erased journey's items leave the worklist (ADR 0015): those this batch added, and those of the pages that
     * hold one, found by a scan (erasures are rare).
     */
    @EventHandler
    void on(JourneyErased erased, UnitOfWork<?> unitOfWork) {
        SharedPages pages = pages(unitOfWork);
        String journeyId = erased.journeyId().toString();
        Predicate<Document> ofJourney = item -> journeyId.equals(item.getString("journeyId"));
        pages.removeAdded(ofJourney);
        readModels.collection(COLLECTION).find(Filters.eq(SharedPages.ITEMS + ".journeyId", journeyId))
                .forEach(page -> page.getList(SharedPages.ITEMS, Document.class).stream().filter(ofJourney)
                        .forEach(item -> pages.remove(page.getString("_id"), item.getString("entryId"))));
    }

    /**
     * The item {@code itemId} leaves the worklist, if it is one: from the page of its arrival, as its journey's own
     * events record it. An entry they no longer hold (its journey erased since) leaves with its journey.
     */
    private void decided(ChildJourneyId journeyId, EntryId itemId, UnitOfWork<?> unitOfWork) {
        facts.ownEntry(journeyId, itemId).filter(item -> awaitsDecision(item.type()))
                .ifPresent(item -> pages(unitOfWork).remove(pageOf(item.recordedAt()), itemId.toString()));
    }

    private SharedPages pages(UnitOfWork<?> unitOfWork) {
        return SharedPages.of(unitOfWork, readModels, COLLECTION, "entryId");
    }

    private static boolean awaitsDecision(EntryType type) {
        return type == EntryType.CONTACT || type == EntryType.DOMESTIC_ABUSE_NOTIFICATION;
    }

    /** The key of the page of the items that arrived in the same tenth of a second. */
    static String pageOf(Instant arrivedAt) {
        return TimeOrder.of(arrivedAt).substring(0, PAGE_KEY);
    }

    /** One page, and whether there is a next. */
    @QueryHandler
    FrontDoorPage handle(FindFrontDoor query) {
        Instant now = Instant.now(clock);
        AccessRequest request = new AccessRequest(query.hub(), register.kindOf(query.hub().agency()),
                Purpose.MASH_TRIAGE, ReadKind.TIMELINE, null, now);
        List<Document> page = listed(query.page() * FindFrontDoor.PAGE, FindFrontDoor.PAGE + 1);
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
        return new FrontDoorItem(item.getString("journeyId"), item.getString("entryId"), item.getString("type"),
                item.getString("agency"), Instant.parse(item.getString("occurredAt")), arrived,
                Duration.between(arrived, now), hub ? triage(journey, EntryId.of(item.getString("entryId"))) : null);
    }

    private FrontDoorItem.Triage triage(JourneyFacts journey, EntryId itemId) {
        // The journey's entries are in the order the record learned of them: those before the item's own.
        int prior = 0;
        for (EntryFacts entry : journey.entries()) {
            if (entry.entryId().equals(itemId)) {
                break;
            }
            if (awaitsDecision(entry.type()) && !journey.retracted().contains(entry.entryId())) {
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

    /** Up to {@code count} items after the first {@code skip}, oldest first, read from one generation. */
    private List<Document> listed(int skip, int count) {
        List<Document> listed = new ArrayList<>();
        int skipping = skip;
        MongoCollection<Document> pages = readModels.at(readModels.generation()).collection(COLLECTION);
        try (MongoCursor<Document> inOrder = pages.find().sort(Sorts.ascending("_id")).batchSize(PAGES_FETCHED)
                .iterator()) {
            while (listed.size() < count && inOrder.hasNext()) {
                List<Document> items = new ArrayList<>(inOrder.next().getList(SharedPages.ITEMS, Document.class));
                if (items.size() <= skipping) {
                    skipping -= items.size();
                    continue;
                }
                items.sort(ARRIVAL);
                listed.addAll(items.subList(skipping, Math.min(items.size(), skipping + count - listed.size())));
                skipping = 0;
            }
        }
        return listed;
    }
}

package org.childjourney.query.search;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.query.readmodel.DocumentBatch;
import org.childjourney.query.readmodel.PoisonedDocuments;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.springframework.stereotype.Component;

/**
 * Projects the identifiers agencies sent with each entry into collection {@code identifier_lookup} (processing group
 * {@code journey-lookup}): one document per identifier, keyed by its keyed digest, listing the journeys that
 * carry it. No identifier is stored. Adding to a set makes redelivery harmless; each batch of events writes a
 * document once.
 */
@Component
@ProcessingGroup("journey-lookup")
class JourneyLookupProjection implements RebuildableProjection {

    static final String COLLECTION = "identifier_lookup";

    private final ReadModels readModels;
    private final IdentifierDigests digests;
    private final PoisonedDocuments poisoned;

    JourneyLookupProjection(ReadModels readModels, IdentifierDigests digests, PoisonedDocuments poisoned) {
        this.readModels = readModels;
        this.digests = digests;
        this.poisoned = poisoned;
    }

    /** An identifier's journeys are a set, whichever journey the rebuild meets first. */
    @Override
    public boolean perJourney() {
        return true;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new JourneyLookupProjection(generation, digests, poisoned);
    }

    @EventHandler
    void on(JourneyEntry event, UnitOfWork<?> unitOfWork) {
        DocumentBatch batch = batch(unitOfWork);
        Function<Object, Document> open = id -> new Document("_id", id).append("journeyIds", new ArrayList<String>());
        String journeyId = event.journeyId().toString();
        for (String key : digestsOf(event)) {
            // Most entries are about a child the identifier already leads to: nothing to write.
            if (!batch.get(key, open).getList("journeyIds", String.class).contains(journeyId)) {
                batch.edit(key, open).getList("journeyIds", String.class).add(journeyId);
            }
        }
    }

    /**
     * An erased journey is found by none of its identifiers any more: its id leaves each identifier's list, and an
     * identifier no other journey carries goes whole, digest and all (ADR 0015). Found by journey, a scan: erasures
     * are rare.
     */
    @EventHandler
    void on(JourneyErased erased, UnitOfWork<?> unitOfWork) {
        DocumentBatch batch = batch(unitOfWork);
        String journeyId = erased.journeyId().toString();
        Set<Object> keys = new LinkedHashSet<>(batch.heldIds(held -> carries(held, journeyId)));
        readModels.collection(COLLECTION).find(eq("journeyIds", journeyId)).forEach(found -> keys.add(found.get("_id")));
        for (Object key : keys) {
            List<String> journeys = batch.edit(key, absent -> new Document("_id", absent)
                    .append("journeyIds", new ArrayList<String>())).getList("journeyIds", String.class);
            journeys.remove(journeyId);
            if (journeys.isEmpty()) {
                batch.remove(key);
            }
        }
    }

    /** The unit of work's batch, with the documents its entries name loaded at once, whichever event opens it. */
    private DocumentBatch batch(UnitOfWork<?> unitOfWork) {
        return DocumentBatch.of(unitOfWork, readModels, COLLECTION, poisoned,
                DocumentBatch.idsOf(JourneyEntry.class, entry -> digestsOf(entry).stream()));
    }

    private static boolean carries(Document identifier, String journeyId) {
        return identifier.getList("journeyIds", String.class, List.of()).contains(journeyId);
    }

    private List<String> digestsOf(JourneyEntry event) {
        return digests.of(event.provenance().agency(), event.subject());
    }

    /** The journeys carrying the identifier with this digest. */
    List<ChildJourneyId> journeys(String identifierDigest) {
        Document found = readModels.collection(COLLECTION).find(eq("_id", identifierDigest)).first();
        return found == null ? List.of()
                : found.getList("journeyIds", String.class).stream().map(ChildJourneyId::of).toList();
    }
}

package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a projection's batch loads and writes, counted in the commands the driver sends. */
class DocumentBatchTest {

    private final List<String> commands = new ArrayList<>();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> collection;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        server.bind();
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
        collection = client.getDatabase("test").getCollection("documents");
        collection.insertOne(new Document("_id", "stored").append("count", 1));
        collection.insertOne(new Document("_id", "also-stored").append("count", 1));
        commands.clear();
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void onlyDocumentsTakenForEditingAreWrittenOnceWhenTheBatchCommits() {
        inBatch(List.of("stored", "new"), batch -> {
            batch.get("stored", this::open).put("count", 99);
            batch.edit("new", this::open).put("count", 1);
            batch.edit("new", this::open).put("count", 2);
            assertThat(commands).as("nothing is written before the commit").doesNotContain("update");
        });

        assertThat(collection.find(eq("_id", "stored")).first().getInteger("count")).isEqualTo(1);
        assertThat(collection.find(eq("_id", "new")).first().getInteger("count")).isEqualTo(2);
        assertThat(commands).containsOnlyOnce("update");
        assertThat(writes()).as("documents written, counted").isEqualTo(1);
    }

    @Test
    void theBatchsDocumentsAreLoadedInOneQueryAndAMissingOneIsOpenedWithoutAskingAgain() {
        inBatch(List.of("stored", "also-stored", "missing"), batch -> {
            assertThat(batch.get("stored", this::open).getInteger("count")).isEqualTo(1);
            assertThat(batch.get("also-stored", this::open).getInteger("count")).isEqualTo(1);
            assertThat(batch.get("missing", this::open).getInteger("count")).isZero();
        });

        assertThat(commands).containsExactly("find");
    }

    @Test
    void aLargeBatchIsLoadedAndWrittenInChunksOfAHundredDocuments() {
        List<String> ids = IntStream.range(0, 250).mapToObj(i -> "document-" + i).toList();
        inBatch(ids, batch -> ids.forEach(id -> batch.edit(id, this::open).put("count", 2)));

        assertThat(commands).containsExactly("find", "find", "find", "update", "update", "update");
        assertThat(collection.countDocuments(eq("count", 2))).isEqualTo(250);
        assertThat(writes()).isEqualTo(250);
    }

    @Test
    void documentsWrittenIntoARebuildsGenerationCountUnderTheCollectionsOwnName() {
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("an event"));
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.execute(() -> DocumentBatch.of(unitOfWork, sharedWriters().at(2), "documents",
                new PoisonedDocuments()).edit("rebuilt", this::open));

        assertThat(client.getDatabase("test").getCollection("documents_g2").countDocuments()).isEqualTo(1);
        assertThat(writes()).isEqualTo(1);
    }

    @Test
    void aDocumentNotNamedByTheBatchsEventsIsLoadedOnDemand() {
        inBatch(List.of(), batch -> assertThat(batch.get("stored", this::open).getInteger("count")).isEqualTo(1));

        assertThat(commands).containsExactly("find");
    }

    @Test
    void aPutDocumentIsWrittenWithoutBeingLoaded() {
        inBatch(List.of(), batch -> batch.put("stored", new Document("_id", "stored").append("count", 7)));

        assertThat(commands).containsExactly("update");
        assertThat(collection.find(eq("_id", "stored")).first().getInteger("count")).isEqualTo(7);
    }

    @Test
    void aBatchThatLoadedADocumentAnotherBatchHasChangedSinceWritesNothingOfItAndFails() {
        assertThatThrownBy(() -> inBatch(List.of("stored"), batch -> {
            batch.edit("stored", this::open).put("count", batch.get("stored", this::open).getInteger("count") + 10);
            elsewhere(() -> inBatch(List.of("stored"), other -> other.edit("stored", this::open)
                    .put("count", other.get("stored", this::open).getInteger("count") + 1)));
        })).isInstanceOf(DocumentChangedMeanwhile.class);

        assertThat(collection.find(eq("_id", "stored")).first().getInteger("count")).as("the other batch's change")
                .isEqualTo(2);

        inBatch(List.of("stored"), again -> again.edit("stored", this::open)
                .put("count", again.get("stored", this::open).getInteger("count") + 10));
        assertThat(collection.find(eq("_id", "stored")).first().getInteger("count")).as("both changes")
                .isEqualTo(12);
    }

    @Test
    void aBatchOpeningADocumentThatAnotherBatchStoredMeanwhileFails() {
        assertThatThrownBy(() -> inBatch(List.of("new"), batch -> {
            batch.edit("new", this::open).put("count", 10);
            elsewhere(() -> inBatch(List.of("new"), other -> other.edit("new", this::open).put("count", 1)));
        })).isInstanceOf(DocumentChangedMeanwhile.class);

        assertThat(collection.find(eq("_id", "new")).first().getInteger("count")).isEqualTo(1);
    }

    @Test
    void eachWriteCountsTheDocumentsRevisionFromOneStoredBeforeRevisionsWereCounted() {
        inBatch(List.of("stored"), batch -> batch.edit("stored", this::open).put("count", 5));
        inBatch(List.of("stored"), batch -> batch.edit("stored", this::open).put("count", 6));

        Document stored = collection.find(eq("_id", "stored")).first();
        assertThat(stored.getInteger("count")).isEqualTo(6);
        assertThat(stored.get(DocumentBatch.REVISION, Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void withOneWriterADocumentIsWrittenByItsIdAloneAndStillCountsItsRevision() {
        ReadModels oneWriter = new ReadModels(client.getDatabase("test"), () -> 1, false, meters);
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("go")));
        unitOfWork.execute(() -> {
            DocumentBatch.of(unitOfWork, oneWriter, "documents", new PoisonedDocuments()).edit("stored", this::open)
                    .put("count", 5);
            collection.replaceOne(eq("_id", "stored"), new Document("_id", "stored").append("count", 3));
        });

        Document stored = collection.find(eq("_id", "stored")).first();
        assertThat(stored.getInteger("count")).isEqualTo(5);
        assertThat(stored.get(DocumentBatch.REVISION, Number.class).longValue()).isEqualTo(1);
        assertThat(commands).contains("update");
    }

    @Test
    void aPutDocumentReplacesWhatAnotherBatchStoredMeanwhile() {
        inBatch(List.of(), batch -> {
            batch.put("stored", new Document("_id", "stored").append("count", 7));
            elsewhere(() -> inBatch(List.of("stored"), other -> other.edit("stored", this::open).put("count", 3)));
        });

        assertThat(collection.find(eq("_id", "stored")).first().getInteger("count")).isEqualTo(7);
    }

    @Test
    void appendsToOnePagedListByBatchesThatOverlapKeepEveryItemOnceInTheOrderTheHeadWasWritten() {
        PagedItems paging = new PagedItems(2);
        assertThatThrownBy(() -> append(paging, List.of("a1", "a2", "a3"),
                () -> elsewhere(() -> append(paging, List.of("b1", "b2", "b3"), () -> { }))))
                .isInstanceOf(DocumentChangedMeanwhile.class);
        append(paging, List.of("a1", "a2", "a3"), () -> { });
        append(paging, List.of("c1", "c2", "c3", "c4"), () -> { });

        Document head = collection.find(eq("_id", "head")).first();
        assertThat(PagedItems.all(head, pages()).stream().map(item -> item.getString("item")))
                .containsExactly("b1", "b2", "b3", "a1", "a2", "a3", "c1", "c2", "c3", "c4");
        assertThat(pages().countDocuments()).as("the pages earlier batches sealed, copied out").isEqualTo(2);
        assertThat(head.getList("sealed", Document.class)).as("the pages the last batch sealed, still in the head")
                .hasSize(2);
    }

    /** Appends the items to the paged list under "head" in one processor batch; {@code meanwhile} runs before it ends. */
    private void append(PagedItems paging, List<String> items, Runnable meanwhile) {
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("go")));
        unitOfWork.execute(() -> {
            DocumentBatch pages = DocumentBatch.of(unitOfWork, sharedWriters(), "pages", new PoisonedDocuments());
            DocumentBatch heads = DocumentBatch.of(unitOfWork, sharedWriters(), "documents", new PoisonedDocuments());
            items.forEach(item -> paging.append(heads.edit("head", id -> new Document("_id", id)), pages,
                    new Document("item", item)));
            meanwhile.run();
        });
    }

    /** The documents counted as written to the test's collection. */
    private double writes() {
        return meters.counter(ReadModels.WRITES, "collection", collection.getNamespace().getCollectionName()).count();
    }

    /** The test's collections, written as by processors whose segments may share documents. */
    private ReadModels sharedWriters() {
        return new ReadModels(client.getDatabase("test"), () -> 1, true, meters);
    }

    private MongoCollection<Document> pages() {
        return client.getDatabase("test").getCollection("pages");
    }

    /**
     * Work on a thread of its own, as another processor's segment (or a dead letter retried) would do it, to its end.
     */
    static void elsewhere(Runnable work) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(work).get();
        } catch (InterruptedException | ExecutionException failed) {
            throw new IllegalStateException(failed);
        } finally {
            other.shutdown();
        }
    }

    private Document open(Object id) {
        return new Document("_id", id).append("count", 0);
    }

    /** A processor's batch: one event per id, each naming its document; {@code work} runs as the first handler. */
    private void inBatch(List<String> ids, Consumer<DocumentBatch> work) {
        List<EventMessage<?>> events = ids.stream().<EventMessage<?>>map(GenericEventMessage::new).toList();
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(events.isEmpty()
                ? List.of(GenericEventMessage.asEventMessage("no document")) : events);
        unitOfWork.execute(() -> work.accept(DocumentBatch.of(unitOfWork, sharedWriters(), "documents",
                new PoisonedDocuments(),
                DocumentBatch.idsOf(String.class, id -> ids.contains(id) ? Stream.of(id) : Stream.empty()))));
    }
}

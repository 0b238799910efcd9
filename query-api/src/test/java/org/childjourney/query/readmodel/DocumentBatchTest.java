package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
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

    private Document open(Object id) {
        return new Document("_id", id).append("count", 0);
    }

    /** A processor's batch: one event per id, each naming its document; {@code work} runs as the first handler. */
    private void inBatch(List<String> ids, Consumer<DocumentBatch> work) {
        List<EventMessage<?>> events = ids.stream().<EventMessage<?>>map(GenericEventMessage::new).toList();
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(events.isEmpty()
                ? List.of(GenericEventMessage.asEventMessage("no document")) : events);
        unitOfWork.execute(() -> work.accept(DocumentBatch.of(unitOfWork, collection, new PoisonedDocuments(),
                DocumentBatch.idsOf(String.class, id -> ids.contains(id) ? Stream.of(id) : Stream.empty()))));
    }
}

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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pages that several writers change at once: each change made in place, none lost, none made twice. */
class SharedPagesTest {

    private final List<String> commands = new ArrayList<>();
    private MongoServer server;
    private MongoClient client;
    private ReadModels readModels;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:"
                        + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
        // One writer, as the embedded default runs the processors: a dead letter retried is a second one anyway.
        readModels = new ReadModels(client.getDatabase("test"), () -> 1, false, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void twoWritersChangingOnePageAtOnceKeepEachOthersItems() {
        inBatch(pages -> {
            pages.add("p1", item("x"));
            pages.add("p1", item("y"));
            DocumentBatchTest.elsewhere(() -> inBatch(other -> {
                other.add("p1", item("z"));
                other.add("p2", item("w"));
            }));
        });

        assertThat(keys("p1")).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(keys("p2")).containsExactly("w");

        inBatch(pages -> {
            pages.remove("p1", "x");
            pages.remove("p1", "y");
            DocumentBatchTest.elsewhere(() -> inBatch(other -> other.remove("p1", "z")));
        });

        assertThat(page("p1")).as("a page is deleted when its last item leaves").isNull();
        assertThat(keys("p2")).containsExactly("w");
    }

    @Test
    void aBatchHandledAgainChangesNothingMoreAndEachPageIsWrittenOncePerBatch() {
        inBatch(pages -> {
            pages.add("p1", item("x"));
            pages.add("p1", item("y"));
            pages.add("p1", item("gone"));
            pages.remove("p1", "gone");
        });
        commands.clear();
        inBatch(pages -> {
            pages.add("p1", item("x"));
            pages.add("p1", item("y"));
            pages.remove("p1", "gone");
            pages.remove("p1", "never-there");
        });

        assertThat(commands).as("one bulk update of the items added and removed, then a look at the pages removed from")
                .containsExactly("update", "find");
        assertThat(keys("p1")).containsExactly("x", "y");

        inBatch(pages -> {
            pages.add("p2", item("v"));
            pages.removeAdded(added -> added.getString("key").equals("v"));
        });

        assertThat(page("p2")).as("added and removed in one batch").isNull();
    }

    private static Document item(String key) {
        return new Document("key", key).append("journeyId", "fictional-journey");
    }

    private List<String> keys(String pageId) {
        return page(pageId).getList(SharedPages.ITEMS, Document.class).stream()
                .map(item -> item.getString("key")).toList();
    }

    private Document page(String pageId) {
        MongoCollection<Document> pages = client.getDatabase("test").getCollection("pages");
        return pages.find(eq("_id", pageId)).first();
    }

    private void inBatch(Consumer<SharedPages> work) {
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("go")));
        unitOfWork.execute(() -> work.accept(SharedPages.of(unitOfWork, readModels, "pages", "key")));
    }
}

package org.childjourney.query.config;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read-model file in its own layout: documents read back as written, found by {@code _id} alone or by
 * several, kept once across a restart, and a file in mongo-java-server's own layout emptied rather than misread.
 */
class ReadModelFileTest {

    @TempDir
    Path dir;

    @Test
    void documentsReadBackAsWritten() {
        Document written = new Document("_id", "journey-1")
                .append("sequence", 41L)
                .append("count", 3)
                .append("score", 0.75)
                .append("amount", Decimal128.parse("12.50"))
                .append("flag", true)
                .append("nothing", null)
                .append("at", new Date(1_764_600_000_000L))
                .append("reader", UUID.fromString("6f1c2a4e-1d3b-4c5a-9e8f-0a1b2c3d4e5f"))
                .append("digest", new Binary(new byte[] {1, 2, 3}))
                .append("object", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("entries", List.of(new Document("entryId", "e-1").append("tags", List.of("a", "b")),
                        new Document("entryId", "e-2").append("nested", new Document("deeper", List.of(1, 2)))));
        inFile(documents -> {
            documents.insertOne(written);
            return null;
        });

        Document read = inFile(documents -> documents.find(eq("_id", "journey-1")).first());

        assertThat(read).isEqualTo(written);
    }

    @Test
    void documentsAreFoundByIdAloneAndBySeveralAfterARestart() {
        List<Object> ids = new ArrayList<>(IntStream.range(0, 2_000).mapToObj(i -> (Object) ("journey-" + i)).toList());
        // Values MongoDB's sort order takes for one another: numbers beyond an int with and without a fraction, NaN,
        // and documents whose lists share their least element.
        ids.addAll(List.of(7, 7.5, 9_000_000_000L, 9_000_000_000.5, Double.NaN,
                new ObjectId("65a1b2c3d4e5f60718293a4b"), new Document("agency", "police").append("page", 2),
                new Document("pages", List.of(1, 2)), new Document("pages", List.of(1, 3)),
                new Document("pages", List.of(2, 1))));
        inFile(documents -> {
            ids.forEach(id -> documents.insertOne(new Document("_id", id).append("version", 1)));
            documents.updateOne(eq("_id", "journey-7"), Updates.set("version", 2));
            documents.replaceOne(eq("_id", 7), new Document("_id", 7).append("version", 3));
            documents.deleteOne(eq("_id", "journey-8"));
            return null;
        });

        inFile(documents -> {
            assertThat(documents.countDocuments()).isEqualTo(ids.size() - 1);
            assertThat(documents.find(eq("_id", "journey-7")).first()).containsEntry("version", 2);
            assertThat(documents.find(eq("_id", 7)).first()).containsEntry("version", 3);
            assertThat(documents.find(eq("_id", "journey-8")).first()).isNull();
            assertThat(documents.find(eq("_id", new Document("agency", "police").append("page", 2))).first())
                    .containsEntry("version", 1);
            assertThat(documents.find(in("_id", "journey-1999", 7.5, 9_000_000_000L, "journey-8", "absent"))
                    .map(found -> found.get("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("journey-1999", 7.5, 9_000_000_000L);
            for (Object id : ids.subList(ids.size() - 8, ids.size())) {
                assertThat(documents.find(eq("_id", id)).into(new ArrayList<>())).as("found by %s", id)
                        .singleElement().satisfies(found -> assertThat(found.get("_id")).isEqualTo(id));
            }
            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "journey-1999")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            documents.replaceOne(eq("_id", "journey-8"), new Document("_id", "journey-8").append("version", 4),
                    new ReplaceOptions().upsert(true));
            assertThat(documents.find(eq("_id", "journey-8")).first()).containsEntry("version", 4);
            return null;
        });
    }

    @Test
    void aDroppedCollectionIsMadeAgainAndKeptAcrossARestart() {
        inFile(documents -> {
            documents.insertOne(new Document("_id", "journey-1").append("version", 1));
            documents.drop();
            documents.insertOne(new Document("_id", "journey-1").append("version", 2));
            return null;
        });

        Document read = inFile(documents -> documents.find(eq("_id", "journey-1")).first());
        assertThat(read).containsEntry("version", 2);
    }

    @Test
    void aFileInTheBackendsOwnLayoutIsEmptiedNotMisread() {
        try (MVStore file = MVStore.open(dir.resolve("read-models.mv").toString())) {
            serve(new H2Backend(file), documents -> documents.insertOne(new Document("_id", "journey-1")));
        }

        inFile(documents -> {
            assertThat(documents.countDocuments()).isZero();
            documents.insertOne(new Document("_id", "journey-1").append("version", 2));
            return null;
        });

        Document read = inFile(documents -> documents.find(eq("_id", "journey-1")).first());
        assertThat(read).containsEntry("version", 2);
    }

    /** Opens the file as the query API does, serves it, applies {@code work} and closes it all (the server its file). */
    private <T> T inFile(Function<MongoCollection<Document>, T> work) {
        try (MVStore file = new MVStore.Builder().fileName(dir.resolve("read-models.mv").toString()).open()) {
            return serve(new ReadModelFile(file).backend(), work);
        }
    }

    private static <T> T serve(MongoBackend backend, Function<MongoCollection<Document>, T> work) {
        MongoServer server = new MongoServer(backend);
        server.bind();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            return work.apply(client.getDatabase("read-models").getCollection("timelines"));
        } finally {
            server.shutdownNow();
        }
    }
}

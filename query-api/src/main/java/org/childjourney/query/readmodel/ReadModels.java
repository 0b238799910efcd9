package org.childjourney.query.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The read-model collections of a generation. Generation 1 has the plain names ({@code timelines}); generation n
 * suffixes them ({@code timelines_g2}). A rebuild fills the next generation beside the live one and then makes it
 * live ({@code Rebuilds}); the live generation is recorded in {@value #SCHEMES}. The live read models resolve the
 * generation at each use, so that a switch takes effect at the next read and the next batch of events.
 */
public final class ReadModels {

    /** Markers and the live generation, kept across generations. */
    public static final String SCHEMES = "read_model_schemes";
    private static final Pattern GENERATION = Pattern.compile(".*_g(\\d{1,9})");
    /**
     * Documents written by projections' batches ({@link DocumentBatch}), by collection (without its generation):
     * what the read-model store's speed is spent on.
     */
    static final String WRITES = "childjourney.read.model.document.writes";

    private final MongoDatabase database;
    private final IntSupplier generation;
    private final boolean sharedWriters;
    private final MeterRegistry meters;

    /**
     * @param sharedWriters whether several processors' segments (in this instance or others) may write one document,
     *                      so that each write must be of the revision its batch loaded ({@link DocumentBatch})
     * @param meters        where the documents written are counted
     */
    ReadModels(MongoDatabase database, IntSupplier generation, boolean sharedWriters, MeterRegistry meters) {
        this.database = database;
        this.generation = generation;
        this.sharedWriters = sharedWriters;
        this.meters = meters;
    }

    /** The collection with this name in this generation. */
    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name(name, generation.getAsInt()));
    }

    boolean sharedWriters() {
        return sharedWriters;
    }

    /** The count of documents written to the collection {@code name}, in whichever generation. */
    Counter writesTo(String name) {
        return meters.counter(WRITES, "collection", name);
    }

    /** Which generation these are: fixed, or the live one now. */
    public int generation() {
        return generation.getAsInt();
    }

    /** The read models of generation {@code n}, whichever is live. */
    public ReadModels at(int n) {
        return new ReadModels(database, () -> n, sharedWriters, meters);
    }

    static String name(String name, int generation) {
        return generation == 1 ? name : name + "_g" + generation;
    }

    /** The generation a collection belongs to; {@code 0} for the markers, which belong to none. */
    static int generationOf(String collection) {
        if (collection.equals(SCHEMES)) {
            return 0;
        }
        Matcher suffixed = GENERATION.matcher(collection);
        return suffixed.matches() ? Integer.parseInt(suffixed.group(1)) : 1;
    }

    /** Drops every collection of generation {@code n}. */
    void drop(int n) {
        for (String collection : database.listCollectionNames()) {
            if (generationOf(collection) == n) {
                database.getCollection(collection).drop();
            }
        }
    }
}

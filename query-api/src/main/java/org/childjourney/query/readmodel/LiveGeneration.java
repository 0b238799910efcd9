package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.springboot.EventProcessorProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which generation of the read models is live: recorded in {@value ReadModels#SCHEMES} (generation 1 when nothing
 * is recorded) and changed only by a rebuild's switch. Read again from the store every {@link #REFRESH}, so that
 * other instances of the query API follow a switch made by one of them.
 */
@Component
public class LiveGeneration {

    private static final String ID = "live-generation";
    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final MongoDatabase database;
    private final boolean sharedWriters;
    private final MeterRegistry meters;
    private final AtomicInteger live = new AtomicInteger();
    private volatile long readAt;

    /**
     * @param processors the read-model processors: pooled, or in several segments, they may write one document from
     *                   several segments at once
     * @param meters     where the read models count the documents they write
     */
    LiveGeneration(MongoDatabase database, EventProcessorProperties processors, MeterRegistry meters) {
        this.database = database;
        this.meters = meters;
        this.sharedWriters = processors.getProcessors().values().stream()
                .anyMatch(processor -> processor.getMode() == EventProcessorProperties.Mode.POOLED
                        || processor.getInitialSegmentCount() != null && processor.getInitialSegmentCount() > 1);
        refresh();
    }

    /** The live read models, resolving the generation at each use. */
    public ReadModels readModels() {
        return new ReadModels(database, live::get, sharedWriters, meters);
    }

    public int get() {
        if (System.nanoTime() - readAt > REFRESH.toNanos()) {
            refresh();
        }
        return live.get();
    }

    private void refresh() {
        Document recorded = schemes().find(eq("_id", ID)).first();
        live.set(recorded == null ? 1 : recorded.getInteger("generation"));
        readAt = System.nanoTime();
    }

    /** Makes generation {@code n} live, recorded first so that a restart keeps it. */
    void switchTo(int n) {
        schemes().replaceOne(eq("_id", ID), new Document("_id", ID).append("generation", n),
                new ReplaceOptions().upsert(true));
        live.set(n);
        readAt = System.nanoTime();
    }

    private MongoCollection<Document> schemes() {
        return database.getCollection(ReadModels.SCHEMES);
    }
}

package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which generation of the read models is live: recorded in {@value ReadModels#SCHEMES} (generation 1 when nothing
 * is recorded), read once at start, and changed only by a rebuild's switch.
 */
@Component
public class LiveGeneration {

    private static final String ID = "live-generation";

    private final MongoDatabase database;
    private final AtomicInteger live;

    LiveGeneration(MongoDatabase database) {
        this.database = database;
        Document recorded = schemes().find(eq("_id", ID)).first();
        this.live = new AtomicInteger(recorded == null ? 1 : recorded.getInteger("generation"));
    }

    /** The live read models, resolving the generation at each use. */
    public ReadModels readModels() {
        return new ReadModels(database, live::get);
    }

    public int get() {
        return live.get();
    }

    /** Makes generation {@code n} live, recorded first so that a restart keeps it. */
    void switchTo(int n) {
        schemes().replaceOne(eq("_id", ID), new Document("_id", ID).append("generation", n),
                new ReplaceOptions().upsert(true));
        live.set(n);
    }

    private MongoCollection<Document> schemes() {
        return database.getCollection(ReadModels.SCHEMES);
    }
}

package org.childjourney.query.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Read models and their processors' tracking tokens agree. The tokens are kept in the event store's database and
 * the read models in MongoDB (or the embedded store, in memory unless given a file): a read store that lost its
 * documents (memory, a new or restored MongoDB) would leave every token ahead of them, and the events behind it out
 * of the read models for good. So the read store carries a marker, written once every processor's documents are
 * there. The marker names the documents' layout ({@link #MARKER}): a release that lays them out anew names a new
 * one. When the query API starts without the marker while the processors already have tokens, it stops every
 * read-model processor once they have claimed their segments, drops the read-model collections (all but the
 * markers), replays the processors from the start, and writes the marker when that is under way. Reads answer
 * throughout; access never depends on the read models.
 */
@Component
public class ReadModelsBehindTokens implements SmartInitializingSingleton {

    static final String SCHEMES = "read_model_schemes";
    static final String MARKER = "read-models-hold-their-tokens-events: layout 5, the front door in pages of a tenth of a second";
    private static final Duration CLAIM_PATIENCE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(ReadModelsBehindTokens.class);

    private final MongoDatabase readModels;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final List<String> groups;
    private final List<String> behind = new ArrayList<>();

    ReadModelsBehindTokens(MongoDatabase readModels, TokenStore tokens, TransactionManager transactions,
            ObjectProvider<EventProcessingConfiguration> processing, List<RebuildableProjection> projections) {
        this.readModels = readModels;
        this.tokens = tokens;
        this.transactions = transactions;
        this.processing = processing;
        // The read models' processors only: one that writes no read model (the feedback loops') is never replayed.
        this.groups = projections.stream()
                .map(projection -> AnnotationUtils.findAnnotation(projection.getClass(), ProcessingGroup.class))
                .filter(Objects::nonNull).map(ProcessingGroup::value).distinct().toList();
    }

    /** Before any processor starts: which processors have tokens that a read store without the marker lacks. */
    @Override
    public void afterSingletonsInstantiated() {
        behind.clear();
        if (marker().find(eq("_id", MARKER)).first() != null) {
            return;
        }
        for (String group : groups) {
            int[] segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(group));
            if (segments.length > 0) {
                behind.add(group);
            }
        }
        if (behind.isEmpty()) {
            markCaughtUp();
        }
    }

    /** Once the service is up: replays the processors that are ahead of their read store. */
    @EventListener(ApplicationReadyEvent.class)
    public CompletableFuture<Void> replayWhereBehind() {
        if (behind.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> replaying = List.copyOf(behind);
        log.warn("the read store holds no marker but processors {} have tokens: replaying them from the start",
                replaying);
        return CompletableFuture.runAsync(() -> {
            List<StreamingEventProcessor> processors = replaying.stream().map(group -> processing.getObject()
                    .eventProcessor(group, StreamingEventProcessor.class).orElseThrow()).toList();
            processors.forEach(ReadModelsBehindTokens::awaitClaimed);
            stopTogether(processors);
            for (String collection : readModels.listCollectionNames().into(new ArrayList<>())) {
                if (!collection.equals(SCHEMES)) {
                    readModels.getCollection(collection).drop();
                }
            }
            processors.forEach(processor -> {
                processor.resetTokens();
                processor.start();
            });
            behind.clear();
            markCaughtUp();
        });
    }

    /**
     * A processor stopped or reset before it has claimed its segments can stop for good: wait for a claim first (as
     * long as it runs).
     */
    static void awaitClaimed(StreamingEventProcessor processor) {
        Instant deadline = Instant.now().plus(CLAIM_PATIENCE);
        while (processor.isRunning() && processor.processingStatus().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("processor " + processor.getName() + " claimed no segment");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /**
     * Stops processors at once rather than one after another: each waits out its current poll of the store, about
     * half a second.
     */
    static void stopTogether(List<? extends StreamingEventProcessor> processors) {
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
    }

    private void markCaughtUp() {
        marker().replaceOne(eq("_id", MARKER), new Document("_id", MARKER).append("at", Instant.now().toString()),
                new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> marker() {
        return readModels.getCollection(SCHEMES);
    }
}

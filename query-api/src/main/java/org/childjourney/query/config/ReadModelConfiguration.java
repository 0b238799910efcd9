package org.childjourney.query.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bson.UuidRepresentation;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.KeyedDigest;
import org.childjourney.query.readmodel.ByAgency;
import org.childjourney.query.readmodel.ByJourney;
import org.childjourney.query.readmodel.LiveGeneration;
import org.childjourney.query.readmodel.PagedItems;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.SegmentShares;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' MongoDB. With {@code spring.data.mongodb.uri} set, a real MongoDB (a replica set in production);
 * otherwise an in-process MongoDB-wire-protocol server on a loopback port, kept in an H2 file when
 * {@code childjourney.query.read-model-path} is set and in memory when not. Either way the same driver and code.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    MongoServer embeddedReadModelServer(QueryProperties properties, ObjectProvider<MVStore> readModelFile) {
        MVStore file = readModelFile.getIfAvailable();
        MongoServer server = new MongoServer(file == null ? new MemoryBackend() : new ReadModelFile(file).backend());
        server.bind(new InetSocketAddress("127.0.0.1", properties.readModelPort()));
        return server;
    }

    /** The embedded server's H2 file, when {@code childjourney.query.read-model-path} names one. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()"
            + " and !'${childjourney.query.read-model-path:}'.isBlank()")
    MVStore readModelFile(QueryProperties properties) throws IOException {
        Path file = Path.of(Objects.requireNonNull(properties.readModelPath())).toAbsolutePath();
        Files.createDirectories(file.getParent());
        return new MVStore.Builder().fileName(file.toString())
                .cacheSize(properties.readModelCacheMb())
                .autoCommitBufferSize(properties.readModelWriteBufferKb())
                .open();
    }

    /**
     * A client of the read models whose every acknowledged write is durable before a projection's tracking token
     * moves past the events it wrote: the token is committed to the event store after the documents, and a token
     * that outlived its documents in a crash would leave those events out of the read models for good. A real
     * MongoDB acknowledges a write once a majority of the replica set has it in its journal (unless the URI asks for
     * another write concern); the embedded file is committed after each write command
     * ({@link EmbeddedReadModelCommits}). Any other {@link CommandListener} bean (tracing, metrics) listens too.
     */
    @Bean
    MongoClient readModelClient(MongoProperties mongo, ObjectProvider<MongoServer> embedded,
            ObjectProvider<MVStore> readModelFile, ObjectProvider<CommandListener> listeners) {
        MongoServer server = embedded.getIfAvailable();
        ConnectionString uri = new ConnectionString(server == null ? mongo.getUri()
                : "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(uri)
                .uuidRepresentation(UuidRepresentation.STANDARD);
        if (server == null && uri.getWriteConcern() == null) {
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        readModelFile.ifAvailable(file -> settings.addCommandListener(new EmbeddedReadModelCommits(file)));
        listeners.orderedStream().forEach(settings::addCommandListener);
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase readModels(MongoClient client, QueryProperties properties) {
        return client.getDatabase(properties.database());
    }

    /**
     * A projection that fails on an event fails its whole batch: the processor rolls the batch back with its token
     * and retries it after a pause, instead of Axon's default of logging the failure and moving on, which would
     * leave the read model silently without the event (seen when the embedded store ran out of memory and closed).
     */
    @Bean
    ConfigurerModule projectionsNeverSkipEvents() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * The read models' processors split the stream into segments, each claimed by one instance of the query API
     * through the token store (pooled, {@code childjourney.query.processor-mode}): one journey's events, and the records
     * of reads of it, in one segment ({@code sequencing-policy: byJourney}; the inbox's by agency, {@code byAgency});
     * each instance claims its share of the segments ({@link SegmentShares}).
     */
    @Bean
    ConfigurerModule segmentsSharedAmongInstances(SegmentShares shares) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .maxSegmentProvider(shares));
    }

    @Bean
    ByJourney byJourney() {
        return new ByJourney();
    }

    @Bean
    ByAgency byAgency() {
        return new ByAgency();
    }

    /** The live generation's read models, for the projections and the reads. */
    @Bean
    ReadModels liveReadModels(LiveGeneration live) {
        return live.readModels();
    }

    @Bean
    PagedItems pagedItems(QueryProperties properties) {
        return new PagedItems(properties.readModelPageSize());
    }

    @Bean
    IdentifierDigests identifierDigests(QueryProperties properties, AgencyRegister register) {
        return new IdentifierDigests(new KeyedDigest(properties.digestKeyBytes()), register.localIds());
    }
}

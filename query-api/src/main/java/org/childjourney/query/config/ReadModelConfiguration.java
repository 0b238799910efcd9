package org.childjourney.query.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.UuidRepresentation;
import org.h2.mvstore.MVStore;
import org.childjourney.core.person.KeyedDigest;
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

    /**
     * How much changed data the embedded H2 file gathers before it writes (at the latest every second). H2's 1 MB
     * default wrote, and serialised again, a busy child's timeline on almost every update: measured as the largest
     * cost of rebuilding read models (docs/benchmarks.md). A crash loses at most the last second of projected
     * documents, as before; the embedded server is the local default, production runs MongoDB.
     */
    private static final int UNSAVED_KB = 32 * 1024;
    private static final int CACHE_MB = 32;

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
    MongoServer embeddedReadModelServer(QueryProperties properties) throws IOException {
        MongoBackend backend;
        if (properties.readModelPath() == null || properties.readModelPath().isBlank()) {
            backend = new MemoryBackend();
        } else {
            Path file = Path.of(properties.readModelPath()).toAbsolutePath();
            Files.createDirectories(file.getParent());
            backend = new H2Backend(new MVStore.Builder()
                    .fileName(file.toString())
                    .autoCommitBufferSize(UNSAVED_KB)
                    .cacheSize(CACHE_MB)
                    .open());
        }
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", properties.readModelPort()));
        return server;
    }

    @Bean
    MongoClient readModelClient(MongoProperties mongo, ObjectProvider<MongoServer> embedded) {
        MongoServer server = embedded.getIfAvailable();
        String uri = server == null ? mongo.getUri() : "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    @Bean
    MongoDatabase readModels(MongoClient client, QueryProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    KeyedDigest identifierDigest(QueryProperties properties) {
        return new KeyedDigest(properties.digestKeyBytes());
    }
}

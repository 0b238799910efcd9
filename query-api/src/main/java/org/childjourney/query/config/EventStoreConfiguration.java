package org.childjourney.query.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.childjourney.core.cipher.EncipheringSerializer;
import org.childjourney.query.disclosure.JourneyDisclosedUpcaster;
import org.childjourney.query.readmodel.PromptEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC event store, as Axon's auto-configuration builds it (which it stops doing once an event store is
 * declared here), except that its event processors share a reading of their own ({@link PromptEvents}).
 *
 * <p>Axon's default shares one cache among the processors at the head of the stream. The cache's producer reads
 * new events in a loop that ends only when a read finds none, and holds the event it started from until then:
 * under a sustained ingest the loop never ends, and every event since stays in memory (found by the benchmark at
 * 200,000 submissions, when the query API ran out of heap holding 105,000 events; docs/benchmarks.md). Axon's cache is
 * switched off; the processors' own shared reading keeps a fixed number of events ({@value #SHARED_EVENTS}).
 *
 * <p>The store is read {@value #EVENTS_PER_QUERY} events a query instead of Axon's 100. On the embedded default the
 * query API reads the H2 file through the gateway's server, and H2 does not set TCP_NODELAY: the end of about every
 * other answer waits 40 ms for a delayed acknowledgement, a wait per query whatever its size. A processor catching
 * up, or a journey of many events read for an as-at answer, makes a tenth as many queries.
 *
 * <p>A processor whose token has gaps (events not yet committed when it passed their positions, as concurrent
 * submissions leave them) reads the next events and the gaps as two index lookups combined,
 * {@link #readEventDataWithGaps}: Axon's one query with {@code OR globalIndex IN (gaps)} is read by H2 from the whole
 * store, every event of it, at every poll.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    private static final int EVENTS_PER_QUERY = 1_000;
    /** How far behind its position a token keeps gaps: Axon's default, named for the shared reading. */
    private static final int MAX_GAP_OFFSET = 10_000;
    /**
     * The latest events the processors' shared reading keeps, for processors a little behind the others: a few
     * megabytes of heap (an event with its deserialised payload and the reading's token is a few kilobytes; more
     * while the token holds many gaps).
     */
    private static final int SHARED_EVENTS = 1_024;

    /** Disclosure records stored before they named their grounds are read with none. */
    @Bean
    JourneyDisclosedUpcaster journeyDisclosedUpcaster() {
        return new JourneyDisclosedUpcaster();
    }

    /**
     * Knows a duplicate key by the database's codes, on H2 and PostgreSQL alike, also inside the batch update that
     * appends events (Axon's {@code JdbcSQLErrorCodesResolver} looks only for a cause of one exception type, which
     * neither database's batch update exception has): a journey's sequence number another process took first is then
     * a {@code ConcurrencyException}, which the command gateway retries ({@link JourneyConfiguration}).
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                // Not the bean itself: an event read with it would be stored as read (opened) in a dead letter.
                .eventSerializer(eventSerializer instanceof EncipheringSerializer enciphering
                        ? enciphering.forReading() : eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(EVENTS_PER_QUERY)
                .maxGapOffset(MAX_GAP_OFFSET)
                .readEventDataWithGaps(EventStoreConfiguration::readEventDataWithGaps)
                .build();
    }

    /** The {@code batchSize} events after position {@code globalIndex}, and those at the positions {@code gaps}. */
    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
            int batchSize, List<Long> gaps) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(eventsAfterAndAt(schema, gaps.size()));
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }

    /** The query of {@link #readEventDataWithGaps}: the events in a range of positions, and at so many gaps. */
    static String eventsAfterAndAt(EventSchema schema, int gapCount) {
        String events = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String position = schema.globalIndexColumn();
        return events + position + " > ? AND " + position + " <= ? UNION ALL " + events + position + " IN ("
                + String.join(",", Collections.nCopies(gapCount, "?")) + ") ORDER BY " + position + " ASC";
    }

    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    /**
     * The store as the read-model processors read it ({@code source: promptEvents} in {@code application.yml}):
     * polled every {@code childjourney.query.event-poll-interval} while they are idle.
     */
    @Bean
    PromptEvents promptEvents(EmbeddedEventStore eventStore, QueryProperties properties) {
        return new PromptEvents(eventStore, properties.eventPollInterval(), MAX_GAP_OFFSET, SHARED_EVENTS);
    }
}

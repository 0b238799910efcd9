package org.childjourney.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.childjourney.query.disclosure.JourneyDisclosedUpcaster;
import org.childjourney.query.readmodel.PromptEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC event store, as Axon's auto-configuration builds it (which it stops doing once an event store is
 * declared here), except that its event processors each read the store on a stream of their own.
 *
 * <p>Axon's default shares one cache among the processors at the head of the stream. The cache's producer reads
 * new events in a loop that ends only when a read finds none, and holds the event it started from until then:
 * under a sustained ingest the loop never ends, and every event since stays in memory (found by the benchmark at
 * 200,000 submissions, when the query API ran out of heap holding 105,000 events; docs/benchmarks.md). A processor
 * at the head polls the store instead, once a second when there is nothing new.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** Disclosure records stored before they named their grounds are read with none. */
    @Bean
    JourneyDisclosedUpcaster journeyDisclosedUpcaster() {
        return new JourneyDisclosedUpcaster();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .build();
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
        return new PromptEvents(eventStore, properties.eventPollInterval());
    }
}

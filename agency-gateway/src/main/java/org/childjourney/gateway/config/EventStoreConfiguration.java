package org.childjourney.gateway.config;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.childjourney.core.journey.ChildJourney;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on the JDBC event store. Axon's auto-configuration builds the storage engine (serialising events with
 * Spring's ObjectMapper); this adds the ChildJourney aggregate (journey-core carries no Spring annotations) and an
 * exception resolver that knows H2 and PostgreSQL, so that a duplicate aggregate sequence number surfaces as a
 * {@code ConcurrencyException} and the submission is retried. (Despite its package, the resolver needs no JPA.)
 *
 * <p>Journeys are cached: a busy child has hundreds of entries, and loading the aggregate replayed all of them for
 * every submission (measured as the gateway's largest cost, docs/benchmarks.md). A cached journey reads what other
 * processes appended since before it decides ({@link CaughtUpJourneys}). {@code Intake} evicts a journey whose
 * database transaction rolled back after Axon's unit of work had committed.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    @Bean(destroyMethod = "close")
    CacheManager journeyCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    Cache journeyCache(CacheManager journeyCacheManager, GatewayProperties properties) {
        return new EhCache3Adapter((Ehcache<?, ?>) journeyCacheManager.createCache("journeys",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(properties.cachedJourneys()))));
    }

    @Bean
    ConfigurerModule childJourneyAggregate(Cache journeyCache) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ChildJourney.class)
                .configureRepository(configuration -> new CaughtUpJourneys(
                        EventSourcingRepository.builder(ChildJourney.class)
                                .parameterResolverFactory(configuration.parameterResolverFactory())
                                .handlerDefinition(configuration.handlerDefinition(ChildJourney.class))
                                .repositoryProvider(configuration::repository)
                                .spanFactory(configuration.getComponent(RepositorySpanFactory.class)),
                        journeyCache, configuration.eventStore())));
    }
}

package org.childjourney.gateway.config;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.childjourney.core.journey.ChildJourney;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on the JDBC event store. Axon's auto-configuration builds the storage engine (serialising events with
 * Spring's ObjectMapper); this adds the ChildJourney aggregate (journey-core carries no Spring annotations) and an
 * exception resolver that knows H2 and PostgreSQL, so that a duplicate aggregate sequence number surfaces as a
 * {@code ConcurrencyException} and the submission is retried. (Despite its package, the resolver needs no JPA.)
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    @Bean
    ConfigurerModule childJourneyAggregate() {
        return configurer -> configurer.configureAggregate(ChildJourney.class);
    }
}

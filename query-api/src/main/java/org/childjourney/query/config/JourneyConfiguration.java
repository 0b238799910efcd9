package org.childjourney.query.config;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.childjourney.core.journey.ChildJourney;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query API also takes the decisions people make about sharing (hub releases, decisions not to share,
 * sealing), which are commands to the ChildJourney aggregate; and it reads the time from one clock. Its event
 * store is set up in {@link EventStoreConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class JourneyConfiguration {

    @Bean
    ConfigurerModule childJourneyAggregate() {
        return configurer -> configurer.configureAggregate(ChildJourney.class);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

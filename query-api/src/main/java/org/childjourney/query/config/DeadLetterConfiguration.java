package org.childjourney.query.config;

import org.axonframework.config.ConfigurerModule;
import org.childjourney.query.deadletter.DeadLetterPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' processors dead-letter what they cannot apply (Axon's JDBC queue, enabled per processor with
 * {@code axon.eventhandling.processors.<group>.dlq.enabled}): an event whose handler fails, including one that would
 * change a document that could not be written ({@code PoisonedDocuments}), waits by {@link DeadLetterPolicy}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ConfigurerModule readModelDeadLetters() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultDeadLetterPolicy(configuration -> new DeadLetterPolicy());
    }
}

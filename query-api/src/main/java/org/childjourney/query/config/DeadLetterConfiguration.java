package org.childjourney.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.childjourney.query.deadletter.DeadLetterPolicy;
import org.childjourney.query.deadletter.DeadLetters;
import org.childjourney.query.readmodel.DocumentBatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' processors dead-letter what they cannot apply (Axon's JDBC queue, enabled per processor with
 * {@code axon.eventhandling.processors.<group>.dlq.enabled}): a failing handler's event by {@link DeadLetterPolicy},
 * and the events behind a document that cannot be written by {@link DocumentBatch}, which finds its group's queue
 * bound to each processor batch by the interceptor below.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ConfigurerModule readModelDeadLetters(DeadLetters deadLetters) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultDeadLetterPolicy(configuration -> new DeadLetterPolicy())
                .registerDefaultHandlerInterceptor((configuration, group) -> bindQueue(deadLetters, group));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> bindQueue(DeadLetters deadLetters, String group) {
        DocumentBatch.PoisonedDocuments queue = (events, cause) -> deadLetters.deadLetter(group, events, cause);
        return (unitOfWork, chain) -> {
            if (deadLetters.groups().contains(group)) {
                unitOfWork.root().resources().putIfAbsent(DocumentBatch.DEAD_LETTERS, queue);
            }
            return chain.proceed();
        };
    }
}

package org.childjourney.query.config;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.ConcurrencyException;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourney;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The query API sends the commands of the people who read the record (hub releases, decisions not to share, seals,
 * break-glass grants and reviews, notices and receipts) to the ChildJourney aggregate, which decides each on its
 * facts (ADR 0009); it reads the time from one clock. Its event store is set up in {@link EventStoreConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class JourneyConfiguration {

    private static final int RETRIES = 5;
    private static final int RETRY_INTERVAL_MS = 20;

    @Bean
    ConfigurerModule childJourneyAggregate() {
        return configurer -> configurer.configureAggregate(ChildJourney.class);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "command-retries");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A command from here can meet a submission to the same journey through the gateway: the event store's unique
     * (journey, sequence number) then refuses the later append ({@link ConcurrencyException}), and the command is
     * sent again, to be decided on the journey as it now stands, up to {@value #RETRIES} times
     * {@value #RETRY_INTERVAL_MS} ms apart. Any other failure is the command's answer at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetries(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetries)
                        .retryInterval(RETRY_INTERVAL_MS)
                        .maxRetryCount(RETRIES)))
                .build();
    }

    /**
     * Retries only an append that another process beat to the journey, judged on the whole chain of causes (the
     * event store's {@link ConcurrencyException} wraps the database's duplicate key); any other failure is the answer.
     */
    private static final class ConcurrencyRetries extends IntervalRetryScheduler {

        ConcurrencyRetries(IntervalRetryScheduler.Builder builder) {
            super(builder);
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConcurrencyException) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The register of agencies, as both services read it ({@code childjourney.register}). */
    @Bean
    AgencyRegister agencyRegister(Environment environment) {
        return Binder.get(environment).bind("childjourney.register", AgencyRegister.class)
                .orElseThrow(() -> new IllegalStateException("no agency register (childjourney.register)"));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

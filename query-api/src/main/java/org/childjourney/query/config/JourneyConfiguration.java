package org.childjourney.query.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourney;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query API sends the commands of the people who read the record (hub releases, decisions not to share, seals,
 * break-glass grants and reviews, notices and receipts) to the ChildJourney aggregate, which decides each on its
 * facts (ADR 0009), loaded under the journey's lock in the ledger ({@link LockedJourneys}); it reads the time from
 * one clock. Its event store is set up in {@link EventStoreConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class JourneyConfiguration {

    private static final int RETRIES = 5;
    private static final int RETRY_INTERVAL_MS = 20;

    @Bean
    ConfigurerModule childJourneyAggregate(JdbcClient ledger) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ChildJourney.class)
                .configureRepository(configuration -> new LockedJourneys(
                        EventSourcingRepository.builder(ChildJourney.class)
                                .parameterResolverFactory(configuration.parameterResolverFactory())
                                .handlerDefinition(configuration.handlerDefinition(ChildJourney.class))
                                .repositoryProvider(configuration::repository)
                                .spanFactory(configuration.getComponent(RepositorySpanFactory.class)),
                        configuration.eventStore(), ledger)));
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
     * A command from here can lose a race with a submission to the same journey through the gateway: its wait for
     * the journey's lock can give up (H2's lock timeout) or deadlock; and one that does not take the lock (an
     * erasure, or one sent inside another command's unit of work) can find its append refused by the event store's
     * unique (journey, sequence number) ({@link ConcurrencyException}). The command is then sent again, to be decided
     * on the journey as it now stands, up to {@value #RETRIES} times {@value #RETRY_INTERVAL_MS} ms apart, each time
     * counted ({@code childjourney.command.lost.races}). Any other failure is the command's answer at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries,
            MeterRegistry meters) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new LostRaces(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetries)
                        .retryInterval(RETRY_INTERVAL_MS)
                        .maxRetryCount(RETRIES), meters.counter("childjourney.command.lost.races")))
                .build();
    }

    /**
     * Retries a command that lost a race, judged on the whole chain of causes (the event store's
     * {@link ConcurrencyException} wraps the database's duplicate key; a lock's wait fails as Spring's
     * {@link PessimisticLockingFailureException}, or inside the store's append as the database's own). A command
     * sent inside another's unit of work is never retried alone, outside the transaction it belongs to: the
     * failure ends the unit of work that sent it, which is retried whole if it is a command sent on its own.
     */
    private static final class LostRaces extends IntervalRetryScheduler {

        /** SQL states of a lock's wait that failed: H2's lock timeout, and deadlocks (PostgreSQL's, H2's). */
        private static final Set<String> LOCK_WAIT_FAILED = Set.of("HYT00", "40P01", "40001");

        private final Counter retried;

        LostRaces(IntervalRetryScheduler.Builder builder, Counter retried) {
            super(builder);
            this.retried = retried;
        }

        @Override
        public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
            if (CurrentUnitOfWork.isStarted()) {
                return false;
            }
            boolean scheduled = super.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
            if (scheduled) {
                retried.increment();
            }
            return scheduled;
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConcurrencyException || cause instanceof PessimisticLockingFailureException
                        || (cause instanceof SQLException sql && LOCK_WAIT_FAILED.contains(sql.getSQLState()))) {
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

package org.childjourney.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.childjourney.core.journey.JourneyRuleViolation.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/**
 * The query API's commands meet the gateway's submissions on the same journey: an append refused because another
 * process appended first is sent again, on the journey as it then stands; a refusal by the journey's rules is the
 * answer at once.
 */
class CommandRetriesTest {

    private final JourneyConfiguration configuration = new JourneyConfiguration();
    private final ScheduledExecutorService retries = configuration.commandRetries();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommandGateway commands = configuration.commandGateway(bus, retries, meters);
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    @Test
    void sendsACommandAgainWhenAnotherProcessAppendedToTheJourneyFirst() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() < 3) {
                // As the event store throws it: around the database's refusal of a second event at the same place.
                throw new ConcurrencyException("another process appended to the journey first",
                        new SQLException("duplicate key", "23505"));
            }
            return "recorded";
        });

        String answer = commands.sendAndWait("a decision");

        assertThat(answer).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
        assertThat(meters.counter("childjourney.command.lost.races").count()).as("retries counted").isEqualTo(2);
    }

    @Test
    void sendsACommandAgainWhenItsWaitForTheJourneysLockGaveUp() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() < 2) {
                // As JdbcClient throws it when H2's lock timeout ends the wait.
                throw new CannotAcquireLockException("lock wait timed out", new SQLException("timeout", "HYT00"));
            }
            return "recorded";
        });

        assertThat(commands.<String>sendAndWait("a notice")).isEqualTo("recorded");
        assertThat(attempts).hasValue(2);
    }

    /**
     * A command sent while another is being handled belongs to that one's transaction: retried alone, it would be
     * recorded without it, or twice. It fails, and so does the command that sent it, whose retry decides both again.
     */
    @Test
    void neverRetriesACommandSentInsideAnothersUnitOfWorkAlone() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("another process appended to the journey first");
        });
        DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(new GenericMessage<>("a decision on two journeys"));
        try {
            assertThatThrownBy(() -> commands.sendAndWait("one of its journeys' commands"))
                    .isInstanceOf(ConcurrencyException.class);
        } finally {
            outer.rollback();
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void answersARefusalByTheJourneysRulesAtOnce() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new JourneyRuleViolation(Rule.NO_SUCH_NOTICE);
        });

        assertThatThrownBy(() -> commands.sendAndWait("a receipt")).isInstanceOf(JourneyRuleViolation.class);
        assertThat(attempts).hasValue(1);
        assertThat(meters.counter("childjourney.command.lost.races").count()).isZero();
    }

    @Test
    void givesUpAfterItsRetries() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("always first elsewhere");
        });

        assertThatThrownBy(() -> commands.sendAndWait("a decision")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(6);
    }
}

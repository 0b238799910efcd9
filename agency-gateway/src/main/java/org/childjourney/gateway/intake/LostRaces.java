package org.childjourney.gateway.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.childjourney.gateway.config.GatewayProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Concurrent submissions about one child collide in the store (a unique key of the ledger, a lock, the journey's
 * sequence number) instead of forking the child into two journeys; the loser's transaction rolls back whole, and a
 * retry, a moment later, finds what the winner wrote. At most {@code childjourney.gateway.retries} attempts. Each
 * retry is counted ({@code childjourney.submission.lost.races}, by cause: {@code collision} or {@code deadlock}).
 */
@Component
class LostRaces {

    /** SQL states of a lost race: unique violation, serialization failure, deadlock, H2 lock timeout. */
    private static final Set<String> COLLISION_STATES = Set.of("23505", "40001", "40P01", "HYT00");
    /** SQL states of transactions that waited on each other: deadlocks (PostgreSQL, H2) and H2's lock timeout. */
    private static final Set<String> DEADLOCK_STATES = Set.of("40P01", "40001", "HYT00");

    private final int attempts;
    private final MeterRegistry meters;

    LostRaces(GatewayProperties properties, MeterRegistry meters) {
        this.attempts = Math.max(1, properties.retries());
        this.meters = meters;
    }

    /** Runs the attempt again, after a short random pause, for as long as it loses a race and attempts remain. */
    <T> T retried(Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (tried >= attempts || !lost(e)) {
                    throw e;
                }
                meters.counter("childjourney.submission.lost.races", "cause", cause(e)).increment();
                pause(tried);
            }
        }
    }

    /** What made a transaction fail: {@code deadlock} or {@code collision} for a lost race, else {@code other}. */
    String cause(Throwable failure) {
        return !lost(failure) ? "other" : deadlocked(failure) ? "deadlock" : "collision";
    }

    /** Whether the failure is a collision with a concurrent submission, which a retry resolves. */
    private static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataIntegrityViolationException || cause instanceof TransientDataAccessException
                    || cause instanceof ConcurrencyException
                    || (cause instanceof SQLException sql && COLLISION_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the lost race was a deadlock (or, on H2, a wait that timed out), rather than a collision on a key or a
     * journey's sequence number that the retry simply finds the winner's: deadlocks mean locks taken in two orders.
     */
    private static boolean deadlocked(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && DEADLOCK_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int tried) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * tried + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a submission", e);
        }
    }
}

package org.childjourney.gateway.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes a journey command answer with the time the event store records its entry at, so that the intake need not
 * read the entry back. Each command answers a {@link Recorded}; the events its unit of work publishes pass Axon's
 * dispatch interceptors when the unit of work prepares to commit, and the last one's timestamp, to the
 * millisecond as Axon's JDBC store keeps it, is set on that answer. The gateway's commands answer nothing else.
 */
@Component
class RecordingTime {

    private static final String RECORDED = RecordingTime.class.getName() + ".recorded";

    RecordingTime(CommandBus commands, EventStore events) {
        commands.registerHandlerInterceptor((unitOfWork, chain) -> {
            Recorded recorded = new Recorded();
            unitOfWork.resources().put(RECORDED, recorded);
            chain.proceed();
            return recorded;
        });
        events.registerDispatchInterceptor(published -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                Recorded recorded = unitOfWork.root().getResource(RECORDED);
                if (recorded != null && !published.isEmpty()) {
                    recorded.at = published.get(published.size() - 1).getTimestamp().truncatedTo(ChronoUnit.MILLIS);
                }
            });
            return (index, event) -> event;
        });
    }

    /** When the store recorded a command's entry: known once the command has been handled and committed. */
    static final class Recorded {

        private @Nullable Instant at;

        Instant at() {
            return Objects.requireNonNull(at, "the command published no event");
        }
    }
}

package org.childjourney.query.config;

import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.childjourney.core.journey.ChildJourney;
import org.childjourney.core.journey.command.EraseJourney;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query API's journeys, each deciding a command once the command's transaction holds the journey's row lock in
 * the ledger ({@code journey_ledger}), the lock a gateway holds while it decides and appends a submission. A command
 * and a submission to one child then queue instead of colliding on the journey's next sequence number: before, the
 * later append was refused, its transaction rolled back and was made again, a position of the store spent on
 * nothing (a gap every event processor's token carries), and the gateway's cached journey was left behind the store
 * (the gateway catches it up now, under the same lock). The journey is read before the lock is taken, and what was
 * appended to it meanwhile after: a busy child's hundreds of events are not read while its submissions wait. A
 * journey the ledger holds no row for (an erased journey's row is deleted) is not locked.
 *
 * <p>Only a command sent on its own takes the lock. One sent from inside another command's unit of work (a link,
 * or a decision on a possible duplicate, made on two journeys in one transaction) does not, because locks taken in
 * the order of the commands could deadlock with a gateway's; nor does an erasure, whose transaction goes on to lock
 * the child's blocking keys, which a gateway locks before the ledger's row ({@code LedgerErasure}). Their appends
 * can still collide, and the command sent on its own is then tried again whole ({@link JourneyConfiguration}).
 */
final class LockedJourneys extends EventSourcingRepository<ChildJourney> {

    private final EventStore events;
    private final JdbcClient ledger;

    LockedJourneys(EventSourcingRepository.Builder<ChildJourney> builder, EventStore events, JdbcClient ledger) {
        super(builder.eventStore(events));
        this.events = events;
        this.ledger = ledger;
    }

    @Override
    protected EventSourcedAggregate<ChildJourney> doLoadWithLock(String journeyId, Long expectedVersion) {
        EventSourcedAggregate<ChildJourney> journey = super.doLoadWithLock(journeyId, expectedVersion);
        UnitOfWork<?> command = CurrentUnitOfWork.get();
        if (command.isRoot() && !(command.getMessage().getPayload() instanceof EraseJourney)) {
            ledger.sql("SELECT journey_id FROM journey_ledger WHERE journey_id = ? FOR UPDATE")
                    .param(UUID.fromString(journeyId))
                    .query(UUID.class)
                    .list();
            DomainEventStream appendedMeanwhile = events.readEvents(journeyId, journey.version() + 1);
            if (appendedMeanwhile.hasNext()) {
                journey.initializeState(appendedMeanwhile);
            }
        }
        return journey;
    }
}

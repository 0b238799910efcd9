package org.childjourney.query.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command sent from inside a read (a unit of work of the query's) is appended to the event store before the read
 * goes on, in a unit of work of its own, where the command gateway's retry reaches it; and a read that then fails
 * leaves it recorded. A command to a journey a submission is being appended to waits for it, instead of colliding.
 */
class JourneyCommandsIT extends QueryApiIT {

    @Autowired
    JourneyCommands commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CommandBus commandBus;

    @Test
    void aCommandFromInsideAReadIsAppendedBeforeTheReadGoesOn() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.aeAttendance("2026-11-18T10:00:00Z");
        String noticeId = UUID.randomUUID().toString();
        UnitOfWork<?> read = DefaultUnitOfWork.startAndGet(new GenericMessage<>("a read"));

        commands.send(new RaiseNotice(story.journeyId(), noticeId, AgencyCode.of("csc-county"),
                NoticeKind.ACCESS_NOTICE, List.of(), "A practitioner checked this child's flags.", null));

        assertThat(notices(story)).as("in the store while the read is still going on").isEqualTo(1);
        read.rollback();
        assertThat(notices(story)).as("a read that fails leaves the journey's decision recorded").isEqualTo(1);
    }

    @Test
    void aCommandWaitsForTheSubmissionHoldingItsJourneyAndIsDecidedAfterItWithoutColliding() throws Exception {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.aeAttendance("2026-11-18T10:00:00Z");
        transaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO journey_ledger (journey_id) VALUES (?)")
                .param(story.journeyId().value()).update());
        String noticeId = UUID.randomUUID().toString();
        List<String> attempts = new CopyOnWriteArrayList<>();
        Registration watching = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RaiseNotice notice
                    && notice.noticeId().equals(noticeId)) {
                unitOfWork.onCommit(done -> attempts.add("committed"));
                unitOfWork.onRollback(failed -> attempts.add(
                        "rolled back: " + failed.getExecutionResult().getExceptionResult()));
            }
            return chain.proceed();
        });
        ExecutorService gateway = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch appended = new CountDownLatch(1);
            Future<Boolean> submission = gateway.submit(() -> transaction.execute(status -> {
                // As the gateway appends a submission: under the journey's row lock, committed once the notice waits.
                jdbc.sql("SELECT journey_id FROM journey_ledger WHERE journey_id = ? FOR UPDATE")
                        .param(story.journeyId().value()).query((row, number) -> number).list();
                story.aeAttendance("2026-11-18T11:00:00Z");
                appended.countDown();
                return aLedgerLockWaitsForThisSession(Duration.ofSeconds(10));
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            commands.send(new RaiseNotice(story.journeyId(), noticeId, AgencyCode.of("csc-county"),
                    NoticeKind.ACCESS_NOTICE, List.of(), "A practitioner checked this child's flags.", null));
            assertThat(submission.get(10, TimeUnit.SECONDS)).as("the notice waited for the submission's lock").isTrue();
        } finally {
            watching.cancel();
            gateway.shutdownNow();
            assertThat(gateway.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(jdbc.sql("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " ORDER BY sequenceNumber").param(story.journeyId().toString()).query(String.class).list())
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .containsExactly("AeAttendanceRecorded", "AeAttendanceRecorded", "AgencyNotified");
        assertThat(attempts).as("the notice was decided once, after the submission, without colliding with its append")
                .containsExactly("committed");
    }

    /**
     * A command that does not take the lock (one sent inside another's unit of work) can still lose the journey's
     * next sequence number to another process: the store's refusal is then known for what it is, and retried.
     */
    @Test
    void anAppendBeatenToItsSequenceNumberIsKnownAsSuchToBeRetried() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.aeAttendance("2026-11-18T11:00:00Z");

        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("ChildJourney",
                story.journeyId().toString(), 1L, new AgencyNotified(UUID.randomUUID().toString(),
                        AgencyCode.of("csc-county"), NoticeKind.ACCESS_NOTICE, story.journeyId(), List.of(),
                        "A practitioner checked this child's flags.", null))))
                .isInstanceOf(ConcurrencyException.class);
    }

    /** Whether another H2 session came to wait for this one's lock on a ledger row, within the time given. */
    private boolean aLedgerLockWaitsForThisSession(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = SESSION_ID()"
                    + " AND EXECUTING_STATEMENT LIKE '%journey_ledger%FOR UPDATE%'").query(Long.class).single() > 0) {
                return true;
            }
            sleep(Duration.ofMillis(5));
        }
        return false;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long notices(JourneyStories story) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?")
                .param(story.journeyId().toString()).param("%.AgencyNotified").query(Long.class).single();
    }
}

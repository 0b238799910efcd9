package org.childjourney.query.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A command sent from inside a read (a unit of work of the query's) is appended to the event store before the read
 * goes on, in a unit of work of its own, where the command gateway's retry reaches it; and a read that then fails
 * leaves it recorded.
 */
class JourneyCommandsIT extends QueryApiIT {

    @Autowired
    JourneyCommands commands;
    @Autowired
    JdbcClient jdbc;

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

    private long notices(JourneyStories story) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?")
                .param(story.journeyId().toString()).param("%.AgencyNotified").query(Long.class).single();
    }
}

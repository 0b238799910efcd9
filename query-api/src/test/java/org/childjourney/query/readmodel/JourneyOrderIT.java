package org.childjourney.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild's first pass reads the store journey by journey: however the journeys' events were interleaved when
 * recorded, each journey's events reach the projections together and in order, a batch at a time, and the pass says
 * which positions it handled, so that the rebuild's processor gives the projections only the rest.
 */
class JourneyOrderIT extends QueryApiIT {

    private static final int JOURNEYS = 3;
    private static final int EVENTS_EACH = 4;

    @Autowired
    JourneyOrder journeyOrder;

    /** What reached the handlers: each event's journey and sequence, and its unit of work. */
    private record Handled(String journeyId, long sequence, UnitOfWork<?> batch) {
    }

    @Test
    void eachJourneysEventsArriveTogetherInOrderAndThePassSaysWhereItEnded() throws Exception {
        List<JourneyStories> stories = IntStream.range(0, JOURNEYS)
                .mapToObj(n -> new JourneyStories(eventStore, FictionalNhsNumbers.next())).toList();
        for (int round = 0; round < EVENTS_EACH; round++) {
            for (JourneyStories story : stories) {
                story.aeAttendance("2026-11-1" + round + "T10:00:00Z");
            }
        }
        long end = eventStore.createHeadToken().position().orElseThrow();
        // Nine of one journey's events after the end: at least one page of five that the pass reads and skips whole.
        for (int day = 10; day < 19; day++) {
            stories.get(0).aeAttendance("2026-11-" + day + "T12:00:00Z");
        }
        List<Handled> handled = new ArrayList<>();
        List<Long> progress = new ArrayList<>();

        JourneyOrder.Passed passed = journeyOrder.replay(end, recording(handled), 5, new Pace(0), progress::add);

        Map<String, List<Long>> byJourney = handled.stream().collect(Collectors.groupingBy(Handled::journeyId,
                Collectors.mapping(Handled::sequence, Collectors.toList())));
        assertThat(byJourney).hasSize(JOURNEYS);
        assertThat(byJourney.values()).as("each journey's events up to the end, in order")
                .allSatisfy(sequences -> assertThat(sequences).containsExactly(0L, 1L, 2L, 3L));
        List<String> runs = new ArrayList<>();
        handled.forEach(event -> {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(event.journeyId())) {
                runs.add(event.journeyId());
            }
        });
        assertThat(runs).as("each journey's events together, not interleaved with another's")
                .doesNotHaveDuplicates().hasSize(JOURNEYS);
        assertThat(handled.stream().collect(Collectors.groupingBy(Handled::batch, Collectors.counting())).values())
                .as("batches of at most five").allSatisfy(size -> assertThat(size).isBetween(1L, 5L))
                .hasSizeGreaterThanOrEqualTo((JOURNEYS * EVENTS_EACH + 4) / 5);
        assertThat(passed.end()).isEqualTo(end);
        assertThat(passed.gaps()).isEmpty();
        assertThat(passed.events()).isEqualTo(JOURNEYS * EVENTS_EACH);
        assertThat(progress).last().isEqualTo((long) JOURNEYS * EVENTS_EACH);
        assertThat(passed.handled(at(end))).isTrue();
        assertThat(passed.handled(at(end + 1))).as("appended after the pass's end").isFalse();
    }

    private static EventHandlerInvoker recording(List<Handled> handled) {
        return new EventHandlerInvoker() {
            @Override
            public boolean canHandle(EventMessage<?> event, Segment segment) {
                return true;
            }

            @Override
            public void handle(EventMessage<?> event, Segment segment) {
                DomainEventMessage<?> journeyEvent = (DomainEventMessage<?>) event;
                handled.add(new Handled(journeyEvent.getAggregateIdentifier(), journeyEvent.getSequenceNumber(),
                        CurrentUnitOfWork.get().root()));
            }
        };
    }

    private static EventMessage<?> at(long position) {
        return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                GenericEventMessage.asEventMessage("an event"));
    }
}

package org.childjourney.query.timeline;

import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.query.readmodel.DocumentBatch;
import org.childjourney.query.readmodel.PoisonedDocuments;
import org.springframework.stereotype.Component;

/**
 * Projects every journey event (entries and decisions about sharing) into the child's timeline document
 * (collection {@code timelines}, processing group {@code timeline}). Replay-safe: an event whose sequence number the
 * document has already applied is skipped, so redelivery and rebuilds from the event store give the same document.
 * Each batch of events loads its documents in one query and writes each once ({@link DocumentBatch}).
 */
@Component
@ProcessingGroup("timeline")
class TimelineProjection {

    private static final Function<EventMessage<?>, Stream<String>> JOURNEYS = DocumentBatch.idsOf(JourneyEvent.class,
            event -> Stream.of(event.journeyId().toString()));

    private final TimelineStore store;
    private final PoisonedDocuments poisoned;

    TimelineProjection(TimelineStore store, PoisonedDocuments poisoned) {
        this.store = store;
        this.poisoned = poisoned;
    }

    @EventHandler
    void on(JourneyEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            UnitOfWork<?> unitOfWork) {
        TimelineDocument timeline = TimelineDocument.of(DocumentBatch.of(unitOfWork, store.timelines(), poisoned, JOURNEYS)
                .edit(event.journeyId().toString(), id -> TimelineDocument.open(event.journeyId()).bson()));
        if (!timeline.hasApplied(sequence)) {
            timeline.apply(event, sequence, recordedAt);
        }
    }
}

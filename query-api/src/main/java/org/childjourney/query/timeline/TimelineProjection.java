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
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.query.readmodel.DocumentBatch;
import org.childjourney.query.readmodel.PagedItems;
import org.childjourney.query.readmodel.PoisonedDocuments;
import org.childjourney.query.readmodel.ReadModels;
import org.childjourney.query.readmodel.RebuildableProjection;
import org.springframework.stereotype.Component;

/**
 * Projects every journey event (entries and decisions about sharing) onto the child's timeline (collections
 * {@code timelines} and {@code timeline_pages}, processing group {@code timeline}). Replay-safe: an event whose
 * sequence number the head has already applied is skipped, so redelivery and rebuilds from the event store give the
 * same documents. Each batch of events loads its heads in one query and writes each once ({@link DocumentBatch});
 * a page is written only when it fills, before the head that counts it. A journey's erasure removes its timeline;
 * its earlier events, read again after the erasure, are {@code ContentErased} and put nothing on it.
 */
@Component
@ProcessingGroup("timeline")
class TimelineProjection implements RebuildableProjection {

    /** A receipt stored before the journey decided them names no journey, and is in no journey's stream. */
    private static final Function<EventMessage<?>, Stream<String>> JOURNEYS = DocumentBatch.idsOf(JourneyEvent.class,
            event -> Stream.ofNullable(event.journeyId()).map(Object::toString));

    private final TimelineStore store;
    private final PoisonedDocuments poisoned;
    private final PagedItems paging;

    TimelineProjection(TimelineStore store, PoisonedDocuments poisoned, PagedItems paging) {
        this.store = store;
        this.poisoned = poisoned;
        this.paging = paging;
    }

    /** A timeline is one journey's, built from its events alone. */
    @Override
    public boolean perJourney() {
        return true;
    }

    @Override
    public RebuildableProjection copyFor(ReadModels generation) {
        return new TimelineProjection(new TimelineStore(generation), poisoned, paging);
    }

    @EventHandler
    void on(JourneyEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            UnitOfWork<?> unitOfWork) {
        if (event.journeyId() == null) {
            return;
        }
        // The pages' batch first: batches are written in the order they were opened.
        DocumentBatch pages = DocumentBatch.of(unitOfWork, store.readModels(), TimelineDocument.PAGES, poisoned);
        DocumentBatch heads = DocumentBatch.of(unitOfWork, store.readModels(), TimelineDocument.COLLECTION, poisoned,
                JOURNEYS);
        String journeyId = event.journeyId().toString();
        if (event instanceof JourneyErased) {
            // The journey's last event: its timeline goes whole, pages and head (ADR 0015).
            PagedItems.removePages(heads.get(journeyId, id -> TimelineDocument.open(event.journeyId())), pages);
            heads.remove(journeyId);
            return;
        }
        TimelineDocument timeline = TimelineDocument.of(heads.edit(journeyId,
                id -> TimelineDocument.open(event.journeyId())));
        if (!timeline.hasApplied(sequence)) {
            timeline.apply(event, sequence, recordedAt, paging, pages);
        }
    }
}

package org.childjourney.query.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A rebuild's first pass: every event in the store up to a position, journey by journey (each journey's events in
 * order, one journey after another), through the projections whose documents are each one journey's
 * ({@link RebuildableProjection#perJourney}), which handle only journeys' own events. A journey's documents are then
 * loaded and written once for each batch of its own events, instead of once for every batch of the store's order
 * that holds one of them. The store is read a page of up to a batch's events at a time, each page a short query of
 * its own after the last event read (no transaction stays open for the pass, which may be long). What the pass
 * leaves, the rebuild's processor does in the store's order: the other projections, the events appended since, and
 * any event at or below the position not committed when its page was read ({@link Passed#gaps}). A journey's events
 * are committed in order, so what the pass reads of a journey is a beginning of it.
 */
@Component
public class JourneyOrder {

    /** How far below its end the pass notes positions it did not see: an append open across more is not waited for. */
    static final int GAP_WINDOW = 10_000;
    /** Events read a page at a time by {@link #replayAll}. */
    private static final int REPLAY_BATCH = 500;
    /**
     * A page of the store in journey order, after a journey's event: keyset paging on the streams' unique key, read
     * by its index. The conditions are on that key alone: given one on the position too, H2 plans a prepared query
     * by the primary key, reading and sorting the whole store for every page. The bound on the key's first column,
     * which the row comparison implies, is what H2 reads a range of the index by. Events after the pass's end are
     * skipped as they are read.
     */
    private static final String EVENTS = "SELECT globalIndex, type, aggregateIdentifier, sequenceNumber,"
            + " eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData FROM DomainEventEntry"
            + " WHERE aggregateIdentifier >= ? AND (aggregateIdentifier, sequenceNumber) > (?, ?)"
            + " ORDER BY aggregateIdentifier, sequenceNumber FETCH FIRST ? ROWS ONLY";

    private final DataSource store;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;

    JourneyOrder(DataSource store, @Qualifier("eventSerializer") Serializer serializer,
            org.axonframework.config.Configuration axon) {
        this.store = store;
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * Every event now in the store, journey by journey, through the handlers, at full speed (a replay of what a
     * pattern rule would have found): no projection, no gaps noted.
     *
     * @return how many events the handlers were given
     */
    public long replayAll(EventHandlerInvoker handlers) throws Exception {
        TrackingToken head = axon.eventStore().createHeadToken();
        long end = head == null ? 0 : head.position().orElse(0);
        return replay(end, handlers, REPLAY_BATCH, new Pace(0), done -> { }).events();
    }

    /**
     * What the first pass handled: every event at or below position {@code end}, except those at {@code gaps}.
     *
     * @param events how many events it handled
     */
    public record Passed(long end, Set<Long> gaps, long events) {

        /** Whether the pass handled this event, read from the store in its order. */
        public boolean handled(EventMessage<?> event) {
            return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken().position().isPresent()
                    && tracked.trackingToken().position().getAsLong() <= end
                    && !gaps.contains(tracked.trackingToken().position().getAsLong());
        }
    }

    /**
     * Hands every event up to position {@code end} to {@code handlers}, journey by journey, up to {@code batchSize}
     * events to a unit of work (whose documents are written when it commits).
     *
     * @param beforeEach called before each event (to pace the pass)
     * @param progress   told the events handled so far after each batch
     */
    Passed replay(long end, EventHandlerInvoker handlers, int batchSize, Pace beforeEach, LongConsumer progress)
            throws Exception {
        long windowStart = Math.max(1, end - GAP_WINDOW + 1);
        BitSet seen = new BitSet();
        long handled = 0;
        String journey = "";
        long sequence = -1;
        int read;
        do {
            List<DomainEventData<?>> batch = new ArrayList<>(batchSize);
            read = 0;
            try (Connection connection = store.getConnection();
                    PreparedStatement query = connection.prepareStatement(EVENTS)) {
                query.setString(1, journey);
                query.setString(2, journey);
                query.setLong(3, sequence);
                query.setInt(4, batchSize);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        journey = rows.getString("aggregateIdentifier");
                        sequence = rows.getLong("sequenceNumber");
                        long position = rows.getLong("globalIndex");
                        if (position > end) {
                            continue;
                        }
                        if (position >= windowStart) {
                            seen.set((int) (position - windowStart));
                        }
                        // An event published outside any journey's stream (a disclosure record) is no journey's.
                        if (rows.getString("type") != null) {
                            batch.add(entry(rows));
                        }
                    }
                }
            }
            handled += handle(batch, handlers, beforeEach);
            progress.accept(handled);
        } while (read == batchSize);
        Set<Long> gaps = LongStream.rangeClosed(windowStart, end).filter(position -> !seen.get(
                (int) (position - windowStart))).boxed().collect(Collectors.toSet());
        return new Passed(end, gaps, handled);
    }

    private static DomainEventData<?> entry(ResultSet row) throws SQLException {
        return new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregateIdentifier"),
                row.getLong("sequenceNumber"), row.getString("eventIdentifier"), row.getString("timeStamp"),
                row.getString("payloadType"), row.getString("payloadRevision"), row.getBytes("payload"),
                row.getBytes("metaData"));
    }

    /** One batch of stored events, upcast and read as messages, in one unit of work; the messages handled. */
    private long handle(List<DomainEventData<?>> rows, EventHandlerInvoker handlers, Pace beforeEach)
            throws Exception {
        List<EventMessage<?>> messages = EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream(), serializer, axon.upcasterChain())).<EventMessage<?>>map(message -> message).toList();
        if (messages.isEmpty()) {
            return 0;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            beforeEach.next();
            handlers.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw result.exceptionResult() instanceof Exception failure ? failure
                    : new IllegalStateException(result.exceptionResult());
        }
        return messages.size();
    }
}

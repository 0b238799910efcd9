package org.childjourney.query.readmodel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reading of the event store for every read-model processor at its head. Each processor used to read every
 * event on a stream of its own: eight queries of the store for each event (served, on the embedded default, by the
 * gateway's H2 server over TCP) and each event opened and deserialised by every processor that handles it. Now one
 * thread reads the store and keeps its last {@code kept} events; a processor at the head takes them from there,
 * sharing each event's deserialised payload with the others. A processor behind the kept events (catching up,
 * rebuilding, or slower than the rest by more than {@code kept}) reads the store on a stream of its own, and follows
 * the shared reading again once it has caught up.
 *
 * <p>Events reach the store out of order of their positions (a transaction that took a position commits after one
 * that took a later position), so a token has gaps, and two readers of the store hold different gaps at the same
 * position. A processor therefore joins the shared reading at the latest kept event whose preceding token its own
 * token covers: every event it has not handled is at or after that point. From there it skips the events its token
 * covers and advances its token by each position it takes, as a stream of its own would. Axon's shared cache, by
 * contrast, needs equal tokens, and its producer kept every event of a read loop that never ends under a sustained
 * ingest (docs/benchmarks.md): this reading keeps a fixed number of events, and stops when nobody follows it.
 */
final class SharedReading implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedReading.class);

    /** Failures of the store in a row after which the reading ends, and its processors read on their own. */
    private static final int FAILURES_TO_END = 3;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long pollMillis;
    private final int maxGapOffset;
    private final long idleNanos;
    private final Runnable onEvents;
    private final AtomicReferenceArray<@Nullable Read> kept;
    private final Set<Follower> following = ConcurrentHashMap.newKeySet();
    private final Lock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();

    /** The sequence number of the newest event read, -1 before any. Written under the lock. */
    private volatile long newest = -1;
    /** The token after the newest event read; null while nothing reads. Written under the lock. */
    private volatile @Nullable GapAwareTrackingToken position;
    /** The thread reading; null while nothing reads. Written under the lock. */
    private volatile @Nullable Thread reader;
    private volatile boolean closed;

    /**
     * @param store        the event store
     * @param pollMillis   how often the reading asks the store for new events while there are none
     * @param maxGapOffset how far behind its position a token keeps gaps: the store's own setting
     * @param kept         how many of the latest events the reading keeps for processors a little behind the rest
     * @param idle         how long the reading goes on with no processor following before it stops
     * @param onEvents     told when the reading has new events (a pooled processor's coordinator waits for it)
     */
    SharedReading(StreamableMessageSource<TrackedEventMessage<?>> store, long pollMillis, int maxGapOffset, int kept,
            Duration idle, Runnable onEvents) {
        if (kept < 1) {
            throw new IllegalArgumentException("the shared reading keeps at least one event");
        }
        this.store = store;
        this.pollMillis = pollMillis;
        this.maxGapOffset = maxGapOffset;
        this.idleNanos = idle.toNanos();
        this.onEvents = onEvents;
        this.kept = new AtomicReferenceArray<>(kept);
    }

    /** A stream from {@code token}: the store's own until it has caught up, then the shared reading's. */
    BlockingStream<TrackedEventMessage<?>> openStream(@Nullable TrackingToken token) {
        return new Follower(token);
    }

    @Override
    public void close() {
        closed = true;
        Thread reading = reader;
        if (reading != null) {
            reading.interrupt();
        }
    }

    /**
     * What the store gave for one stored event, with its place in the reading: one event, or several with one
     * token (an upcaster that splits an event), always given together.
     *
     * @param sequence its number in the reading
     * @param before   the reading's token before it
     * @param after    the reading's token after it
     * @param index    its position in the store; -1 where the tokens do not tell (a stream then reads on its own
     *                 from its last token, at or before this event)
     */
    private record Read(long sequence, GapAwareTrackingToken before, GapAwareTrackingToken after, long index,
            List<TrackedEventMessage<?>> events) {
    }

    private int slot(long sequence) {
        return (int) (sequence % kept.length());
    }

    /**
     * Where a stream at {@code token}, caught up with the store, joins the reading, starting it if nothing reads:
     * the sequence number of the first event it takes from the reading, or -1 if the reading holds no point its
     * token covers (it reads on its own a little longer).
     */
    private long join(GapAwareTrackingToken token, Follower follower) {
        lock.lock();
        try {
            if (closed) {
                return -1;
            }
            if (reader == null) {
                startReading(token);
            }
            long at = joinable(token);
            if (at >= 0) {
                following.add(follower);
                follower.reading = reader;
            }
            return at;
        } finally {
            lock.unlock();
        }
    }

    /** The latest point of the reading whose token {@code token} covers: everything the stream lacks comes after. */
    private long joinable(GapAwareTrackingToken token) {
        if (hasAllOf(token, Objects.requireNonNull(position))) {
            return newest + 1;
        }
        for (long sequence = newest; sequence >= 0 && sequence > newest - kept.length(); sequence--) {
            Read read = kept.get(slot(sequence));
            if (read == null || read.sequence() != sequence || read.index() < 0) {
                return -1;
            }
            if (hasAllOf(token, read.before())) {
                return sequence;
            }
        }
        return -1;
    }

    /**
     * Whether a stream at {@code token} has had every event a reader at {@code point} has had. Stricter than Axon's
     * {@code covers}, which passes over the token's gaps below where the point's token dropped old gaps: such a gap
     * may be an event the reading has given before the point, which the stream would then never get.
     */
    private static boolean hasAllOf(GapAwareTrackingToken token, GapAwareTrackingToken point) {
        return point.getIndex() <= token.getIndex() && !token.getGaps().contains(point.getIndex())
                && point.getGaps().containsAll(token.getGaps().headSet(point.getIndex()));
    }

    private void startReading(GapAwareTrackingToken from) {
        forgetKept();
        // A number no reading used: a follower of an ended reading, waiting for the next, never takes this one's.
        newest = newest + 1;
        position = from;
        Thread thread = new Thread(() -> read(from), "shared-event-reading");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    private void forgetKept() {
        for (int slot = 0; slot < kept.length(); slot++) {
            kept.set(slot, null);
        }
    }

    /**
     * Reads the store from {@code from} while any processor follows, or has within the idle time; ends the reading
     * after {@value #FAILURES_TO_END} failures of the store in a row, or any other failure, so that its processors
     * read on their own and report what fails.
     */
    private void read(GapAwareTrackingToken from) {
        GapAwareTrackingToken at = from;
        BlockingStream<TrackedEventMessage<?>> stream = null;
        long followedAt = System.nanoTime();
        int failures = 0;
        try {
            while (!closed) {
                if (!following.isEmpty()) {
                    followedAt = System.nanoTime();
                } else if (System.nanoTime() - followedAt > idleNanos) {
                    return;
                }
                try {
                    if (stream == null) {
                        stream = store.openStream(at);
                    }
                    if (stream.hasNextAvailable((int) pollMillis, TimeUnit.MILLISECONDS)) {
                        at = readOne(stream, at);
                        onEvents.run();
                    }
                    failures = 0;
                } catch (RuntimeException failed) {
                    stream = closeQuietly(stream);
                    if (++failures >= FAILURES_TO_END) {
                        log.warn("the shared reading of the event store failed {} times in a row, and ends: {}",
                                failures, failed.toString());
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(pollMillis << failures);
                }
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(stream);
            end();
        }
    }

    /**
     * Keeps the next stored event's events, each opened (deserialised) here once for every processor; one that
     * cannot be opened is kept as it is, for the processors to fail on and set aside in their dead-letter queues.
     */
    private GapAwareTrackingToken readOne(BlockingStream<TrackedEventMessage<?>> stream, GapAwareTrackingToken at)
            throws InterruptedException {
        List<TrackedEventMessage<?>> events = new ArrayList<>(1);
        TrackedEventMessage<?> first = stream.nextAvailable();
        events.add(first);
        TrackingToken token = first.trackingToken();
        // The events an upcaster makes of one stored event share its token itself (two equal tokens may be two
        // stored events: one that filled a gap as old gaps went is equal to the one before).
        while (stream.peek().filter(next -> next.trackingToken() == token).isPresent()) {
            events.add(stream.nextAvailable());
        }
        for (TrackedEventMessage<?> event : events) {
            try {
                event.getPayload();
                event.getMetaData();
            } catch (RuntimeException unreadable) {
                log.debug("an event the processors will fail on: {}", unreadable.getClass().getName());
            }
        }
        GapAwareTrackingToken after = (GapAwareTrackingToken) token;
        append(new Read(newest + 1, at, after, indexBetween(at, after), List.copyOf(events)));
        return after;
    }

    /** The reading has ended: nothing kept, and its followers read on their own from their last tokens. */
    private void end() {
        lock.lock();
        try {
            if (reader == Thread.currentThread()) {
                reader = null;
                position = null;
                forgetKept();
            }
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void append(Read read) {
        lock.lock();
        try {
            kept.set(slot(read.sequence()), read);
            newest = read.sequence();
            position = read.after();
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The position of the stored event that took a stream from {@code before} to {@code after}: the new position,
     * or else the gap it filled, the highest gap that went (the store drops old gaps only below the event it reads,
     * when a token holds too many, or when the event is older than its gap timeout); -1 where no gap went.
     */
    private static long indexBetween(GapAwareTrackingToken before, GapAwareTrackingToken after) {
        if (after.getIndex() > before.getIndex()) {
            return after.getIndex();
        }
        SortedSet<Long> filled = new TreeSet<>(before.getGaps());
        filled.removeAll(after.getGaps());
        return filled.isEmpty() ? -1 : filled.last();
    }

    private static @Nullable BlockingStream<TrackedEventMessage<?>> closeQuietly(
            @Nullable BlockingStream<TrackedEventMessage<?>> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException alreadyBroken) {
                log.debug("closing a stream of the event store: {}", alreadyBroken.toString());
            }
        }
        return null;
    }

    /**
     * One processor's stream: on its own from the store until it catches up, then from the shared reading until it
     * falls behind the events kept, or the reading ends.
     */
    private final class Follower implements BlockingStream<TrackedEventMessage<?>> {

        /** The token of the last event given, where the stream goes on from. */
        private @Nullable TrackingToken last;
        /** The sequence number of the next event to take from the reading; -1 while reading on its own. */
        private long next = -1;
        /** The reading it follows. */
        private @Nullable Thread reading;
        private @Nullable BlockingStream<TrackedEventMessage<?>> own;
        /** Events of one stored event taken from the reading and not yet given, with their token. */
        private final Deque<TrackedEventMessage<?>> taken = new ArrayDeque<>();

        Follower(@Nullable TrackingToken from) {
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            try {
                return Optional.ofNullable(peekOrTake());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        private @Nullable TrackedEventMessage<?> peekOrTake() throws InterruptedException {
            if (taken.isEmpty()) {
                take();
            }
            return taken.peekFirst();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (peekOrTake() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                awaitEvents(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pollMillis)));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable((int) pollMillis, TimeUnit.MILLISECONDS)) {
                // waits for the next event, polling
            }
            return taken.removeFirst();
        }

        @Override
        public void close() {
            leave();
            own = closeQuietly(own);
        }

        private void leave() {
            following.remove(this);
            next = -1;
            reading = null;
        }

        private void awaitEvents(long nanos) throws InterruptedException {
            if (next >= 0) {
                lock.lock();
                try {
                    if (newest < next && reader == reading) {
                        appended.awaitNanos(nanos);
                    }
                } finally {
                    lock.unlock();
                }
            } else if (own != null) {
                own.hasNextAvailable((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)), TimeUnit.MILLISECONDS);
            }
        }

        /** Takes the next stored event's events, if there are any yet, without waiting. */
        private void take() throws InterruptedException {
            if (next >= 0 && (takeShared() || next >= 0)) {
                return;
            }
            if (own == null) {
                own = store.openStream(last);
            }
            if (own.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                TrackedEventMessage<?> event = own.nextAvailable();
                last = event.trackingToken();
                taken.add(event);
                return;
            }
            if (last instanceof GapAwareTrackingToken token) {
                long at = join(token, this);
                if (at >= 0) {
                    own = closeQuietly(own);
                    next = at;
                    takeShared();
                }
            }
        }

        /**
         * Takes the events of the next stored event of the reading this stream has not had: false if there is none
         * yet, or if the stream fell behind the events kept or the reading ended (it then reads on its own,
         * {@code next} at -1).
         */
        private boolean takeShared() {
            while (next <= newest || reader != reading) {
                Read read = reader == reading ? kept.get(slot(next)) : null;
                if (read == null || read.sequence() != next || read.index() < 0) {
                    leave();
                    return false;
                }
                next++;
                GapAwareTrackingToken token = (GapAwareTrackingToken) last;
                if (read.index() <= token.getIndex() && !token.getGaps().contains(read.index())) {
                    continue;
                }
                // Having had every event of the reading since it joined, the stream covers all the reading has
                // read; the gaps the store dropped from the reading's token (old, never to be filled) go from its
                // own too.
                GapAwareTrackingToken advanced = (GapAwareTrackingToken) token.advanceTo(read.index(), maxGapOffset)
                        .upperBound(read.after());
                last = advanced;
                read.events().forEach(event -> taken.add(event.withTrackingToken(advanced)));
                return true;
            }
            return false;
        }
    }
}

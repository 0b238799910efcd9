package org.childjourney.gateway.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.core.journey.ChildJourney;

/**
 * The gateway's journeys, from its cache, brought up to date with the store before each decides a submission.
 *
 * <p>Other processes append to journeys too: the query API (notices, releases, hub decisions, break-glass grants)
 * and other gateways. A cached journey does not know of their events, and its append took a sequence number the
 * store already held: the store refused it, and the whole submission rolled back and was made again (a position of
 * the store spent on nothing, which every event processor's token carries as a gap), about one submission in twenty
 * in the benchmark, where the query API raises a notice for one read in a few. Now a cached journey asks the store
 * for the journey's latest sequence number (an index's answer; no event is read or opened): if the store is ahead,
 * the journey applies the events after its own before it decides; if the store is behind (a submission's transaction
 * rolled back after the journey was cached, and a submission waiting on its lock came in before the cache forgot
 * it), the journey is loaded again from the store. The first version read the cached journey's own latest event to
 * tell, which opened and deserialised it: 7% of the gateway's processor samples on PostgreSQL.
 *
 * <p>Sequence numbers alone are compared, as the first version did. Between a rolled-back submission's release of the
 * lock and the cache forgetting its journey ({@code CachedJourneys}, after the transaction ends), another process
 * could append an event under the number the undone one had: the cached journey would then keep the undone entry and
 * miss the other's. Keeping the latest event's identifier with the cached journey would close that window.
 *
 * <p>The submission holds the journey's row lock in the ledger, which the query API also takes before it loads a
 * journey for a command of its own, so that nothing it appends comes between this reading and the submission's
 * append. What appends without the lock (a command the query API sends inside another's, an erasure) can still
 * collide, and is made again.
 */
final class CaughtUpJourneys extends CachingEventSourcingRepository<ChildJourney> {

    private final Cache journeys;
    private final EventStore events;

    CaughtUpJourneys(EventSourcingRepository.Builder<ChildJourney> builder, Cache journeys, EventStore events) {
        super(builder.cache(journeys).eventStore(events));
        this.journeys = journeys;
        this.events = events;
    }

    @Override
    protected EventSourcedAggregate<ChildJourney> doLoadWithLock(String journeyId, Long expectedVersion) {
        boolean cached = journeys.containsKey(journeyId);
        EventSourcedAggregate<ChildJourney> journey = super.doLoadWithLock(journeyId, expectedVersion);
        if (!cached) {
            return journey;
        }
        long version = journey.version();
        long stored = events.lastSequenceNumberFor(journeyId).orElse(-1L);
        if (stored < version) {
            journeys.remove(journeyId);
            return super.doLoadWithLock(journeyId, expectedVersion);
        }
        if (stored > version) {
            journey.initializeState(events.readEvents(journeyId, version + 1));
        }
        return journey;
    }
}

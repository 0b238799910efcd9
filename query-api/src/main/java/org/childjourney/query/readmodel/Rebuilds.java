package org.childjourney.query.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model without downtime. The next generation of the read models is built beside the live one
 * ({@link ReadModels}): every processing group's projections run as copies bound to the new collections, while the
 * live processors go on serving and updating the live generation. First the projections whose documents are each one
 * journey's read every event in the store so far journey by journey ({@link JourneyOrder}), so that each such
 * document is written once for each batch of its own journey's events; then one tracking processor
 * ({@code read-models@g<n>}, with a token of its own) streams the store from its start for the other projections, in
 * the store's order, and for all of them from where the first pass ended. Once it has caught up, the
 * switch: the rebuild's processor stops, the live ones stop, each live processor takes the rebuild's token, the new generation is made live (recorded, so a restart keeps it), the live processors start again, now
 * writing the new generation, and the old generation's collections are dropped. Reads answer throughout, from the
 * old generation and then the new. A projection failing in a rebuild (no dead-letter queue there) fails the
 * rebuild: its collections and tokens are dropped and the live generation is untouched. One rebuild at a time.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** The rebuild's processor, which runs every processing group's projections. */
    private static final String READ_MODELS = "read-models";
    private static final long WATCH_MS = 200;
    /** How long the old generation stays after a switch, for reads that began on it. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ReadModels live;
    private final LiveGeneration generation;
    private final List<RebuildableProjection> projections;
    private final EventStore events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final RebuildProperties properties;
    private final JourneyOrder journeyOrder;
    private final SegmentShares shares;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable Rebuild running;

    Rebuilds(ReadModels live, LiveGeneration generation, List<RebuildableProjection> projections, EventStore events,
            TokenStore tokens, TransactionManager transactions, ObjectProvider<EventProcessingConfiguration> processing,
            RebuildProperties properties, JourneyOrder journeyOrder, SegmentShares shares) {
        this.live = live;
        this.generation = generation;
        this.projections = List.copyOf(projections);
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.processing = processing;
        this.properties = properties;
        this.journeyOrder = journeyOrder;
        this.shares = shares;
    }

    /**
     * Where a rebuild stands, in positions of the event store: {@code eventsTotal} its head, {@code eventsDone} how
     * far the rebuild has come, never going back (the events the journey-order pass has handled, then the position
     * of the processor, once that is further).
     */
    public record Progress(String rebuildId, String state, long eventsDone, long eventsTotal) {
    }

    /**
     * Starts a rebuild into the next generation, or answers the one running.
     *
     * @throws OtherInstancesAlive while other instances of the query API are alive
     */
    public synchronized String start() {
        if (running != null && running.state.equals("running")) {
            return running.id;
        }
        if (shares.alive() > 1) {
            throw new OtherInstancesAlive(shares.alive());
        }
        Rebuild rebuild = new Rebuild(UUID.randomUUID().toString(), generation.get() + 1);
        rebuilds.put(rebuild.id, rebuild);
        running = rebuild;
        runner.execute(() -> run(rebuild));
        return rebuild.id;
    }

    public Optional<Progress> progress(String rebuildId) {
        Rebuild rebuild = rebuilds.get(rebuildId);
        if (rebuild == null) {
            return Optional.empty();
        }
        TrackingToken head = events.createHeadToken();
        long total = head == null ? 0 : head.position().orElse(0);
        long done = rebuild.state.equals("switched") ? Math.max(rebuild.done.get(), total) : rebuild.done.get();
        return Optional.of(new Progress(rebuild.id, rebuild.state, done, Math.max(total, done)));
    }

    private void run(Rebuild rebuild) {
        ReadModels target = live.at(rebuild.generation);
        List<TrackingEventProcessor> building = new ArrayList<>();
        try {
            target.drop(rebuild.generation);
            Map<String, List<RebuildableProjection>> groups = groups(target);
            Map<Boolean, List<Object>> byJourney = groups.values().stream().flatMap(List::stream)
                    .collect(Collectors.partitioningBy(RebuildableProjection::perJourney,
                            Collectors.mapping(copy -> (Object) copy, Collectors.toList())));
            List<Object> perJourney = byJourney.get(true);
            List<Object> inOrder = byJourney.get(false);
            log.info("rebuilding the read models into generation {}", rebuild.generation);
            Pace pace = new Pace(properties.eventsPerSecond());
            TrackingToken head = events.createHeadToken();
            JourneyOrder.Passed passed = journeyOrder.replay(head == null ? 0 : head.position().orElse(0),
                    invoker(perJourney), properties.batchSize(), pace, rebuild.done::set);
            log.info("rebuild into generation {}: {} journey events handled journey by journey", rebuild.generation,
                    passed.events());
            building.add(processor(rebuild, new MultiEventHandlerInvoker(invoker(inOrder),
                    new AfterJourneyOrder(invoker(perJourney), passed)), pace));
            building.forEach(TrackingEventProcessor::start);
            while (!caughtUp(building, rebuild)) {
                if (rebuild.failure != null) {
                    throw new IllegalStateException("a projection failed in the rebuild", rebuild.failure);
                }
                Thread.sleep(WATCH_MS);
            }
            int old = generation.get();
            switchTo(rebuild, building, groups.keySet().stream().toList());
            log.info("read models switched to generation {}", rebuild.generation);
            // Reads that began on the old generation finish on it.
            Thread.sleep(GRACE.toMillis());
            live.drop(old);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abandon(rebuild, building, target);
        } catch (Exception failed) {
            log.error("rebuild into generation {} failed: {}", rebuild.generation, failed.getClass().getName());
            abandon(rebuild, building, target);
        }
    }

    /** Each processing group's projections, copied for the target generation. */
    private Map<String, List<RebuildableProjection>> groups(ReadModels target) {
        Map<String, List<RebuildableProjection>> groups = new LinkedHashMap<>();
        for (RebuildableProjection projection : projections) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(projection.getClass(), ProcessingGroup.class);
            groups.computeIfAbsent(group == null ? projection.getClass().getPackageName() : group.value(),
                    name -> new ArrayList<>()).add(projection.copyFor(target));
        }
        return groups;
    }

    /** These projections' handlers; a projection that fails fails the rebuild. */
    private static EventHandlerInvoker invoker(List<Object> handlers) {
        return SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
    }

    /** Handlers that the journey-order pass has already given the events it handled: they get the rest. */
    private record AfterJourneyOrder(EventHandlerInvoker handlers, JourneyOrder.Passed passed)
            implements EventHandlerInvoker {

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            return !passed.handled(event) && handlers.canHandle(event, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return handlers.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> event, Segment segment) throws Exception {
            handlers.handle(event, segment);
        }
    }

    /** The processor of a rebuild: every projection's copy, one stream of the store, one segment. */
    private TrackingEventProcessor processor(Rebuild rebuild, EventHandlerInvoker handlers, Pace pace) {
        String name = name(READ_MODELS, rebuild.generation);
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(name)) {
                tokens.fetchToken(name, segment);
                tokens.deleteToken(name, segment);
            }
        });
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(handlers)
                .errorHandler(context -> {
                    rebuild.failure = context.error();
                    PropagatingErrorHandler.instance().handleError(context);
                })
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(properties.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            pace.next();
            return chain.proceed();
        });
        return processor;
    }

    /**
     * Whether every rebuild processor has claimed its segments and reached the head of the event store. A processor
     * that has handled no event yet (an inbox without notices) never says it has caught up: its position says so.
     */
    private boolean caughtUp(List<TrackingEventProcessor> building, Rebuild rebuild) {
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        long done = Long.MAX_VALUE;
        boolean caughtUp = true;
        for (TrackingEventProcessor processor : building) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                caughtUp = false;
                done = 0;
                continue;
            }
            for (EventTrackerStatus segment : status.values()) {
                long position = segment.getCurrentPosition().orElse(0);
                caughtUp &= (segment.isCaughtUp() || position >= head) && !segment.isErrorState();
                done = Math.min(done, position);
            }
        }
        rebuild.done.accumulateAndGet(done == Long.MAX_VALUE ? 0 : done, Math::max);
        return caughtUp;
    }

    /**
     * Makes the new generation live. The generation is recorded first and the token handed on after: if the service
     * stops in between, the live processors go on from their own, older tokens over the new generation, whose
     * projections skip or repeat harmlessly what it already holds; the other way round would leave events out. The
     * live processors start again whatever happens; the dead letters they held are cleared, their journeys' events
     * being in the new generation.
     */
    private void switchTo(Rebuild rebuild, List<TrackingEventProcessor> building, List<String> groups) {
        ReadModelsBehindTokens.stopTogether(building);
        List<StreamingEventProcessor> liveProcessors = groups.stream().map(group -> processing.getObject()
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow()).toList();
        liveProcessors.forEach(ReadModelsBehindTokens::awaitClaimed);
        ReadModelsBehindTokens.stopTogether(liveProcessors);
        try {
            generation.switchTo(rebuild.generation);
            rebuild.state = "switched";
            String name = name(READ_MODELS, rebuild.generation);
            transactions.executeInTransaction(() -> {
                // Every event up to the rebuild's position is in the new generation, whichever segment it falls in.
                TrackingToken rebuilt = tokens.fetchToken(name, 0);
                for (String group : groups) {
                    for (int segment : tokens.fetchSegments(group)) {
                        tokens.storeToken(rebuilt, group, segment);
                        tokens.releaseClaim(group, segment);
                    }
                }
                tokens.deleteToken(name, 0);
            });
            groups.forEach(group -> processing.getObject().deadLetterQueue(group)
                    .ifPresent(SequencedDeadLetterQueue::clear));
        } finally {
            liveProcessors.forEach(StreamingEventProcessor::start);
        }
    }

    /** A rebuild that has not switched leaves nothing behind: its processors stop, its documents and tokens go. */
    private void abandon(Rebuild rebuild, List<TrackingEventProcessor> building, ReadModels target) {
        if (rebuild.state.equals("switched")) {
            return;
        }
        rebuild.state = "failed";
        ReadModelsBehindTokens.stopTogether(building);
        target.drop(rebuild.generation);
        transactions.executeInTransaction(() -> building.forEach(processor -> {
            for (int segment : tokens.fetchSegments(processor.getName())) {
                tokens.fetchToken(processor.getName(), segment);
                tokens.deleteToken(processor.getName(), segment);
            }
        }));
    }

    private static String name(String group, int generation) {
        return group + "@g" + generation;
    }

    /** One rebuild: its id, the generation it builds, where it stands. */
    private static final class Rebuild {

        private final String id;
        private final int generation;
        private final AtomicLong done = new AtomicLong();
        private volatile String state = "running";
        private volatile @Nullable Throwable failure;

        private Rebuild(String id, int generation) {
            this.id = id;
            this.generation = generation;
        }
    }
}

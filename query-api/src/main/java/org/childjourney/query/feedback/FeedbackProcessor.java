package org.childjourney.query.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.childjourney.core.access.JourneyFactsFold;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.feedback.FeedbackLoops;
import org.childjourney.core.feedback.JourneySignals;
import org.childjourney.core.feedback.Notice;
import org.childjourney.core.feedback.PatternRules;
import org.childjourney.core.feedback.Signal;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.query.config.QueryProperties;
import org.childjourney.query.journey.JourneyCommands;
import org.springframework.stereotype.Component;

/**
 * Raises what each entry tells the agencies around the child (processing group {@code feedback}): referral outcomes,
 * plan notices, Operation Encompass notices ({@link FeedbackLoops}) and the pattern rules' alerts
 * ({@link PatternRules}), each decided on the journey as it stood just before the entry, folded from the storage
 * engine up to the entry's sequence number, whatever the processor saw before. Each notice's id is derived from the
 * entry, and the journey records a notice once by its id: a batch handled again after a crash, or the processor
 * replayed, raises nothing twice; the token moves past an entry only once its notices are recorded, so a crash loses
 * none. The processor starts from the head of the store when it first runs: switching it on tells nobody about the
 * past. Nothing is raised about a sealed journey. Measures how long each kind takes from the entry's recording to
 * its notice ({@code childjourney.feedback.delivery}) and the front door's time from an item's arrival to its
 * decision ({@code childjourney.front.door.decision}).
 */
@Component
@ProcessingGroup(FeedbackProcessor.GROUP)
public class FeedbackProcessor {

    public static final String GROUP = "feedback";

    private final EventStorageEngine events;
    private final JourneyCommands commands;
    private final AgencyRegister register;
    private final PatternRules rules;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<ChildJourneyId, Before> recent;

    FeedbackProcessor(EventStorageEngine events, JourneyCommands commands, AgencyRegister register,
            FeedbackProperties properties, QueryProperties query, MeterRegistry meters, Clock clock) {
        this.events = events;
        this.commands = commands;
        this.register = register;
        this.rules = properties.patternRules();
        if (register.kindOf(rules.hubAgency()) != AgencyKind.CHILDRENS_SOCIAL_CARE) {
            throw new IllegalStateException("childjourney.feedback.hub-agency is not a children's social care agency"
                    + " in the register");
        }
        this.meters = meters;
        this.clock = clock;
        int capacity = query.foldedJourneys();
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ChildJourneyId, Before> eldest) {
                return size() > capacity;
            }
        };
    }

    @EventHandler
    void on(JourneyEntry entry, @SequenceNumber Long sequence, @Timestamp Instant recordedAt) {
        Before before = before(entry.journeyId(), sequence);
        if (!before.fold().sealed()) {
            List<Notice> notices = new ArrayList<>(FeedbackLoops.of(entry, recordedAt, before.fold()::facts,
                    before.signals(), register));
            if (!EntryType.of(entry).amends()) {
                notices.addAll(rules.alerts(Signal.of(entry, recordedAt), before.signals(),
                        () -> new JourneyFactsFold(before.fold()).when(entry, recordedAt).facts()));
            }
            for (Notice notice : notices) {
                commands.send(new RaiseNotice(entry.journeyId(), notice.noticeId(), notice.agency(), notice.kind(),
                        notice.entryIds(), notice.summary(), notice.deliverBy()));
                timer("childjourney.feedback.delivery", "kind", notice.kind().wireName())
                        .record(since(recordedAt, Instant.now(clock)));
            }
            if (entry instanceof ContactDecided decided) {
                Signal item = before.signals().signal(decided.contactEntryId());
                if (item != null) {
                    timer("childjourney.front.door.decision", "type", item.type().wireName())
                            .record(since(item.recordedAt(), recordedAt));
                }
            }
        }
        before.fold().when(entry, recordedAt);
        before.signals().when(entry, recordedAt);
        remember(entry.journeyId(), new Before(sequence, before.fold(), before.signals()));
    }

    /**
     * The journey as it stood just before the event with this sequence number: the fold kept from the previous
     * event, or folded anew from the storage engine (the events before were not entries, or were handled by another
     * instance, or this one is handled again).
     */
    private Before before(ChildJourneyId journeyId, long sequence) {
        Before kept;
        synchronized (recent) {
            kept = recent.remove(journeyId);
        }
        Before before = kept != null && kept.sequence() < sequence ? kept
                : new Before(-1, new JourneyFactsFold(), new JourneySignals());
        if (before.sequence() == sequence - 1) {
            return before;
        }
        DomainEventStream stream = events.readEvents(journeyId.toString(), before.sequence() + 1);
        long reached = before.sequence();
        while (stream.hasNext() && stream.peek().getSequenceNumber() < sequence) {
            DomainEventMessage<?> message = stream.next();
            JourneyEvent event = (JourneyEvent) message.getPayload();
            before.fold().when(event, message.getTimestamp());
            before.signals().when(event, message.getTimestamp());
            reached = message.getSequenceNumber();
        }
        return new Before(reached, before.fold(), before.signals());
    }

    private void remember(ChildJourneyId journeyId, Before state) {
        synchronized (recent) {
            recent.put(journeyId, state);
        }
    }

    /** The time between two instants, none if the second is before the first (clocks of two instances). */
    private static Duration since(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        return between.isNegative() ? Duration.ZERO : between;
    }

    private Timer timer(String name, String tag, String value) {
        return Timer.builder(name).tag(tag, value).publishPercentiles(0.5, 0.99).register(meters);
    }

    /** A journey folded up to a sequence number: its facts and its signals, changed as further events are folded. */
    private record Before(long sequence, JourneyFactsFold fold, JourneySignals signals) {
    }
}

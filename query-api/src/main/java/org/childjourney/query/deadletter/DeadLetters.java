package org.childjourney.query.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.JourneyEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues of the read models' processing groups (Axon's JDBC queue, table {@code DeadLetterEntry} in
 * the event store's database, so that a letter and its processor's token commit together). A queue holds, per
 * journey, the event a projection could not apply and every later event of that journey; every other journey goes
 * on. Letters are listed without their payloads, and retried in their journey's order.
 */
@Component
public class DeadLetters {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Set<String> groups;
    private final ExecutorService settling = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dead-letters-settling");
        thread.setDaemon(true);
        return thread;
    });

    /** Axon's configuration is read when first needed: it is built after the beans that take part in it. */
    DeadLetters(ObjectProvider<EventProcessingConfiguration> processing, EventProcessorProperties processors) {
        this.processing = processing;
        this.groups = new TreeSet<>();
        processors.getProcessors().forEach((group, settings) -> {
            if (settings.getDlq().isEnabled()) {
                groups.add(group);
            }
        });
    }

    /** The processing groups that have a queue. */
    public Set<String> groups() {
        return Set.copyOf(groups);
    }

    /** How many events wait in the group's queue. */
    public long size(String group) {
        return queue(group).size();
    }

    @QueryHandler
    List<WaitingSequence> handle(FindDeadLetters query) {
        return waiting();
    }

    @CommandHandler
    Retried handle(RetryDeadLetters command) {
        int applied = retry(command.group());
        return new Retried(command.group(), applied, size(command.group()));
    }

    /** Every waiting journey of every group, oldest letter first within each. */
    public List<WaitingSequence> waiting() {
        List<WaitingSequence> waiting = new ArrayList<>();
        for (String group : groups) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
                List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
                sequence.forEach(letters::add);
                if (!letters.isEmpty()) {
                    DeadLetter<? extends EventMessage<?>> first = letters.get(0);
                    waiting.add(new WaitingSequence(group, String.valueOf(sequenceOf(group, first.message())),
                            letters.size(), first.enqueuedAt(), first.lastTouched(),
                            first.cause().map(cause -> cause.message()).orElse("")));
                }
            }
        }
        return waiting;
    }

    /**
     * Hands each waiting journey of the group to its projections again, in order; a journey whose first letter
     * fails again stays, with the new cause.
     *
     * @return how many journeys were applied and left the queue
     */
    public int retry(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.getObject()
                .sequencedDeadLetterProcessor(group).orElseThrow(() -> new UnknownProcessingGroup(group));
        long sequences = queue(group).amountOfSequences();
        int applied = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (processor.processAny()) {
                applied++;
            }
        }
        return applied;
    }

    /**
     * Settles an erased journey's letters (docs/erasure.md), on a thread of its own, outside any unit of work: its
     * events waiting behind a failure hold content nobody can read any more, and leave every queue, found by the
     * journey whichever sequence they wait in (an agency's, in the inbox); what remains of the journey's sequences
     * (the erasure itself, the records of reads) is then handed to the group's projections, so that each drops the
     * journey's documents as it would have.
     */
    public void settleErased(String journeyId) {
        settling.execute(() -> {
            for (String group : groups) {
                SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
                List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
                queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> {
                    if (letter.message() instanceof DomainEventMessage<?> event
                            && journeyId.equals(event.getAggregateIdentifier())) {
                        letters.add(letter);
                    }
                }));
                if (letters.isEmpty()) {
                    continue;
                }
                letters.stream().filter(letter -> erasedContent(letter.message().getPayloadType()))
                        .forEach(queue::evict);
                processing.getObject().sequencedDeadLetterProcessor(group).ifPresent(processor -> processor.process(
                        letter -> journeyId.equals(String.valueOf(sequenceOf(group, letter.message())))));
            }
        });
    }

    /** Whether events of this type are a journey's enciphered content: all its events but its erasure. */
    private static boolean erasedContent(Class<?> type) {
        return JourneyEvent.class.isAssignableFrom(type) && type != JourneyErased.class;
    }

    /** The sequence an event waits in: as the group's processor orders events, its journey's. */
    private Object sequenceOf(String group, EventMessage<?> message) {
        return Objects.requireNonNullElse(
                processing.getObject().sequencingPolicy(group).getSequenceIdentifierFor(message),
                message.getIdentifier());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!groups.contains(group)) {
            throw new UnknownProcessingGroup(group);
        }
        return processing.getObject().deadLetterQueue(group).orElseThrow(() -> new UnknownProcessingGroup(group));
    }

    /**
     * One journey waiting in a group's queue: how many of its events wait, since when, and why the first failed (the
     * types of the failure, never its data).
     */
    public record WaitingSequence(String group, String journeyId, int events, Instant enqueuedAt, Instant lastTouched,
            String cause) {
    }

    /** What a retry did: how many journeys left the queue, and how many events still wait in it. */
    public record Retried(String group, int applied, long waiting) {
    }
}

package org.childjourney.gateway.intake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.journey.ChildJourneyId;
import org.springframework.stereotype.Component;

/**
 * The journeys new children are given, {@value #MADE_AHEAD} made at a time with their keys, in one write to the key
 * store ({@link JourneyKeys#makeAhead}): a new child's first entry is then enciphered without a commit of its own to
 * the key store, which was a twentieth of the gateway's processor time on PostgreSQL. A journey made ahead and never
 * given (the gateway stopped) or given to a submission that was undone never begins: its key opens nothing.
 */
@Component
class NewJourneys {

    static final int MADE_AHEAD = 50;

    private final JourneyKeys keys;
    private final Deque<ChildJourneyId> ahead = new ArrayDeque<>();

    NewJourneys(JourneyKeys keys) {
        this.keys = keys;
    }

    /**
     * The next journey made ahead; when none is left, the first of {@value #MADE_AHEAD} more, made on the caller's
     * thread without holding up other callers (each of several finding none left makes its own).
     */
    ChildJourneyId next() {
        synchronized (ahead) {
            ChildJourneyId given = ahead.poll();
            if (given != null) {
                return given;
            }
        }
        List<ChildJourneyId> made = Stream.generate(() -> new ChildJourneyId(UUID.randomUUID()))
                .limit(MADE_AHEAD).toList();
        keys.makeAhead(made.stream().map(ChildJourneyId::toString).toList());
        synchronized (ahead) {
            ahead.addAll(made.subList(1, MADE_AHEAD));
        }
        return made.get(0);
    }
}

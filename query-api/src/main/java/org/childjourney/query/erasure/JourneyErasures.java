package org.childjourney.query.erasure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.Erasure;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.query.deadletter.DeadLetters;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.springframework.stereotype.Component;

/**
 * Deletes the key of each journey whose erasure is recorded (processing group {@value #GROUP}, never rebuilt), once
 * the ledger has forgotten it ({@link LedgerForgetsAtOnce}, in the erasure's own transaction), so that its events read
 * as {@code ContentErased} from then on. Idempotent: a batch handled again repeats it. A failure stops the group, to
 * be retried, never skipped (no dead-letter queue): an erasure is never half done and forgotten. Also answers
 * {@link FindErasure} from the journey's events.
 */
@Component
@ProcessingGroup(JourneyErasures.GROUP)
class JourneyErasures {

    static final String GROUP = "erasure";

    private final JourneyKeys keys;
    private final JourneyFactsSource facts;
    private final DeadLetters deadLetters;

    JourneyErasures(JourneyKeys keys, JourneyFactsSource facts, DeadLetters deadLetters) {
        this.keys = keys;
        this.deadLetters = deadLetters;
        this.facts = facts;
    }

    @EventHandler
    void on(JourneyErased erased, UnitOfWork<?> unitOfWork) {
        String journeyId = erased.journeyId().toString();
        keys.erase(journeyId);
        // A read model's processor that holds a letter of the journey holds its erasure behind it: settled once the
        // key is gone, in units of work of their own.
        unitOfWork.afterCommit(committed -> deadLetters.settleErased(journeyId));
    }

    @QueryHandler
    ErasureRecord.Found handle(FindErasure query) {
        Erasure erasure = facts.factsOf(query.journeyId()).erasure();
        if (erasure == null) {
            return new ErasureRecord.Found(null);
        }
        return new ErasureRecord.Found(new ErasureRecord(erasure.journeyId().toString(),
                erasure.erasedBy().username(), erasure.erasedAt().toString(), erasure.ground().wireName(),
                erasure.reason(), keys.erased(erasure.journeyId().toString())));
    }
}

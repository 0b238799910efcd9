package org.childjourney.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.query.readmodel.TransientStoreFailure;

/**
 * Which failed events wait in a dead-letter queue: every one the projection itself cannot apply, kept with its
 * cause's types only ({@link ProjectionFailed}); never one that failed because the store did
 * ({@link TransientStoreFailure}), which is rethrown so that the processor retries the batch once the store is back.
 * A letter of an erased journey's content, which nobody can open any more, leaves the queue when it is retried.
 */
public final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (TransientStoreFailure.test(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        // An event of an erased journey whose letter can no longer be opened: nothing left to apply (docs/erasure.md).
        for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
            if (failure instanceof JourneyKeys.JourneyErasedException) {
                return Decisions.evict();
            }
        }
        return Decisions.enqueue(cause instanceof ProjectionFailed ? cause : new ProjectionFailed(cause));
    }
}

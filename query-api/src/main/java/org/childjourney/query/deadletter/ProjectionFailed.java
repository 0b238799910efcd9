package org.childjourney.query.deadletter;

/**
 * Why a projection could not apply an event, as a dead letter keeps it: the chain of exception types and nothing
 * of their messages, which may quote the data the event carries (the queue's {@code causeMessage} column is read by
 * administrators, who have no ground to read a child's record).
 */
class ProjectionFailed extends RuntimeException {

    ProjectionFailed(Throwable failure) {
        super(chain(failure), null, false, false);
    }

    private static String chain(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }
}

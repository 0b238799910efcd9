package org.childjourney.query.readmodel;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.sql.SQLTransientException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a failure is the store's rather than the event's: the read-model store or the event store unreachable,
 * timing out or between primaries. Such a failure is waited out (the processor retries its batch) and never
 * dead-letters an event: during an outage every journey's events would otherwise fill the queues.
 */
public final class TransientStoreFailure {

    private TransientStoreFailure() {
    }

    /** True when {@code failure}, or any of its causes, is one the store recovers from by itself. */
    public static boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoInterruptedException || cause instanceof SQLTransientException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof MongoException mongo && mongo.hasErrorLabel("RetryableWriteError")) {
                return true;
            }
        }
        return false;
    }
}

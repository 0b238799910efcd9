package org.childjourney.query.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import org.jspecify.annotations.Nullable;

/**
 * A read-model document was changed by another processor's batch (another segment, or another instance of the query
 * API) between this batch's load and its write: nothing of this batch's change to it is written, the batch fails, and
 * its processor handles its events again from the document as it now is. Names no document: ids may be journeys'.
 */
public final class DocumentChangedMeanwhile extends RuntimeException {

    DocumentChangedMeanwhile(@Nullable Throwable cause) {
        super("a read-model document changed after this batch loaded it; the batch is handled again", cause);
    }

    /** True for an insert that met a document stored meanwhile under the same id. */
    static boolean test(MongoBulkWriteException failure) {
        return !failure.getWriteErrors().isEmpty() && failure.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
}

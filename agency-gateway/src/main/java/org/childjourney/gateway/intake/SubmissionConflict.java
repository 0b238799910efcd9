package org.childjourney.gateway.intake;

/** The agency already submitted a different record under the same source record id. */
class SubmissionConflict extends RuntimeException {

    SubmissionConflict() {
        super("this source record id was already submitted with different content");
    }
}

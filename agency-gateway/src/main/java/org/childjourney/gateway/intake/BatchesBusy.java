package org.childjourney.gateway.intake;

/** Every place for a batch in memory stayed taken while the request waited; nothing was recorded. */
class BatchesBusy extends RuntimeException {

    BatchesBusy() {
        super("no room for another batch");
    }
}

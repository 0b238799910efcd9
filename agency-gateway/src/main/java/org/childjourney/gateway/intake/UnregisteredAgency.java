package org.childjourney.gateway.intake;

/** The caller's token names no agency, or one the gateway does not know: it may not submit. */
class UnregisteredAgency extends RuntimeException {

    UnregisteredAgency() {
        super("the caller's token names no registered agency");
    }
}

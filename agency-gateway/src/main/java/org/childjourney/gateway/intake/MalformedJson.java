package org.childjourney.gateway.intake;

/** A body that is not JSON, or JSON nested deeper or longer than the gateway reads; nothing was recorded. */
class MalformedJson extends RuntimeException {

    MalformedJson() {
        super("the body is not acceptable JSON");
    }
}

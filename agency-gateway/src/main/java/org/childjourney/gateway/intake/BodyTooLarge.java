package org.childjourney.gateway.intake;

/** A request body, or a batch's count of lines, passed the gateway's limit; nothing of it was recorded. */
class BodyTooLarge extends RuntimeException {

    BodyTooLarge(long limit) {
        super("the request passed the limit of " + limit);
    }
}

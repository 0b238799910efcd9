package org.childjourney.gateway.intake;

/**
 * The sending agency may not send this: a type its kind does not send, consent for all agencies from anyone but
 * children's social care, or the end of a plan another agency started. Nothing was stored.
 */
class SubmissionNotPermitted extends RuntimeException {

    SubmissionNotPermitted() {
        super("the agency may not send this submission");
    }
}

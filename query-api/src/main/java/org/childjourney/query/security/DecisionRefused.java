package org.childjourney.query.security;

/**
 * The journey refused a decision (a release, a decision not to share) for a reason that is not the caller's
 * standing, and recorded the refusal: answered {@code 409}. The message names the rule, never the child.
 */
public final class DecisionRefused extends RuntimeException {

    public DecisionRefused(String rule) {
        super(rule, null, false, false);
    }
}

package org.childjourney.query.security;

import org.childjourney.core.access.Erasure;

/**
 * An auditor asked for a journey whose content was erased (ADR 0015): answered {@code 410 Gone} with the erasure
 * (who, when, on what ground, why), so that a review sees the record existed and was erased. Anyone else is refused
 * as for any journey.
 */
public class JourneyGone extends RuntimeException {

    private final transient Erasure erasure;

    public JourneyGone(Erasure erasure) {
        super("journey erased");
        this.erasure = erasure;
    }

    public Erasure erasure() {
        return erasure;
    }
}

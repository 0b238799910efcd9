package org.childjourney.core.journey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Why the law requires a journey's content to go (ADR 0015). Safeguarding records are kept under a legal obligation
 * and a public task, so the right to erasure rarely reaches them; these are the cases that do. Constants are stored:
 * never renamed or removed.
 */
public enum ErasureGround {
    /** The record was made about the wrong child and must not stand against either. */
    WRONG_CHILD("wrong-child"),
    /** A court ordered the record destroyed. */
    COURT_ORDER("court-order"),
    /** The retention period of the deployment's schedule ended, and the records manager decided to dispose of it. */
    RETENTION_ENDED("retention-ended");

    private final String wireName;

    ErasureGround(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ErasureGround ofWireName(String wireName) {
        return Arrays.stream(values()).filter(ground -> ground.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown erasure ground"));
    }
}

package org.childjourney.core.journey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** An auditor's finding on a break-glass grant. Constants are stored: never renamed or removed. */
public enum BreakGlassOutcome {
    JUSTIFIED("justified"),
    NOT_JUSTIFIED("not-justified");

    private final String wireName;

    BreakGlassOutcome(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static BreakGlassOutcome ofWireName(String wireName) {
        return Arrays.stream(values()).filter(outcome -> outcome.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome"));
    }
}

package org.childjourney.core.journey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** The opaque identity of one child's journey. Random, never derived from personal data. */
public record ChildJourneyId(UUID value) {

    @JsonCreator
    public static ChildJourneyId of(String text) {
        return new ChildJourneyId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package org.childjourney.core.journey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** The opaque identity of one entry on a journey. Random, never derived from personal data. */
public record EntryId(UUID value) {

    @JsonCreator
    public static EntryId of(String text) {
        return new EntryId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package org.childjourney.core.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An agency's code in the realm, for example {@code police-east}: lower-case words joined by hyphens. */
public record AgencyCode(String value) {

    /** What an agency code looks like. */
    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    /** The longest agency code the ledger keeps. */
    public static final int MAX_LENGTH = 100;

    public AgencyCode {
        if (value.length() > MAX_LENGTH || !value.matches(PATTERN)) {
            throw new IllegalArgumentException("an agency code is lower-case words joined by hyphens");
        }
    }

    @JsonCreator
    public static AgencyCode of(String value) {
        return new AgencyCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

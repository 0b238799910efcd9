package org.childjourney.core.journey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.childjourney.core.agency.AgencyKind;
import org.jspecify.annotations.Nullable;

/**
 * Which sharing a journey-level consent record covers: all of it, or sharing with one kind of agency.
 * Serialised as {@code all} or the agency kind's name.
 */
public record ConsentScope(@Nullable AgencyKind agencyKind) {

    /** Consent covering sharing with every agency. */
    public static ConsentScope all() {
        return new ConsentScope(null);
    }

    @JsonCreator
    public static ConsentScope of(String text) {
        return "all".equals(text) ? all() : new ConsentScope(AgencyKind.valueOf(text));
    }

    /** Whether this scope covers sharing with the given kind of agency. */
    public boolean covers(AgencyKind kind) {
        return agencyKind == null || agencyKind == kind;
    }

    @JsonValue
    @Override
    public String toString() {
        return agencyKind == null ? "all" : agencyKind.name();
    }
}

package org.childjourney.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The realm roles the services recognise. Constants are stored in disclosure records: never renamed. */
public enum Role {
    /** A machine client that pushes an agency's records. */
    AGENCY_SYSTEM("agency-system"),
    /** A person working with children in an agency. */
    PRACTITIONER("practitioner"),
    /** A member of the multi-agency safeguarding hub. */
    MASH("mash"),
    /** A reviewer of what was known, by whom, and when. */
    AUDITOR("auditor"),
    /** An operator of the record itself. */
    ADMIN("admin"),
    /** A monitoring system: it reads the services' metrics, and nothing of the record. */
    METRICS("metrics");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The role's name in Keycloak's {@code realm_access.roles}. */
    @JsonValue
    public String claim() {
        return claim;
    }

    /** The role a realm role name denotes, if the services recognise it. */
    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }

    @JsonCreator
    static Role ofClaim(String claim) {
        return fromClaim(claim).orElseThrow(() -> new IllegalArgumentException("unknown role"));
    }
}

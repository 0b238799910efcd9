package org.childjourney.query.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.BreakGlass;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is reading and why, built once per request from the verified token, the deployment's register of agencies
 * and the {@code X-Purpose} and {@code X-Justification} headers, and carried in the query.
 */
public record Reader(Viewer viewer, @Nullable AgencyKind agencyKind, Purpose purpose,
        @Nullable String justification) {

    public static final String PURPOSE_HEADER = "X-Purpose";
    public static final String JUSTIFICATION_HEADER = "X-Justification";

    private static final String PURPOSES = Arrays.stream(Purpose.values()).map(Purpose::header)
            .collect(Collectors.joining(", "));

    /**
     * @throws InvalidReadRequest when the purpose is missing or unknown, or an emergency read has no justification
     */
    public static Reader of(Jwt token, @Nullable String purposeHeader, @Nullable String justification,
            AgencyRegister register) {
        Purpose purpose = purposeHeader == null ? null : Purpose.fromHeader(purposeHeader.trim()).orElse(null);
        if (purpose == null) {
            throw new InvalidReadRequest(PURPOSE_HEADER, "every read states its purpose: one of " + PURPOSES);
        }
        if (purpose == Purpose.EMERGENCY && !BreakGlass.justified(justification)) {
            throw new InvalidReadRequest(JUSTIFICATION_HEADER, "an emergency read needs a justification of at least "
                    + BreakGlass.MINIMUM_JUSTIFICATION + " characters");
        }
        Viewer viewer = KeycloakClaims.viewer(token.getClaims(), token.getSubject());
        return new Reader(viewer, register.kindOf(viewer.agency()), purpose,
                justification == null || justification.isBlank() ? null : justification);
    }

    /** This reader's request for one kind of read, made now. */
    public AccessRequest request(ReadKind kind, Instant at) {
        return new AccessRequest(viewer, agencyKind, purpose, kind, justification, at);
    }

    @Override
    public String toString() {
        return "Reader[" + viewer.username() + ", " + purpose.header() + "]";
    }
}

package org.childjourney.query.security;

import java.util.Arrays;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyRegister;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Builds the {@link Reader} of a request against the deployment's register of agencies. */
@Component
public class Readers {

    private final AgencyRegister register;

    Readers(AgencyRegister register) {
        this.register = register;
    }

    /** @see Reader#of */
    public Reader of(Jwt token, @Nullable String purpose, @Nullable String justification) {
        return Reader.of(token, purpose, justification, register);
    }

    /**
     * The administrator the token names; anyone else gets the same {@code 403} as a refused read.
     *
     * @throws ReadRefused if the token does not carry the {@code admin} role
     */
    public static Viewer administrator(Jwt token) {
        return holding(token, Role.ADMIN);
    }

    /**
     * The caller, who must hold one of these roles (an auditor for the audit trail, the hub or an administrator for
     * possible duplicates).
     *
     * @throws ReadRefused if the token carries none of them: refused as a read is
     */
    public static Viewer holding(Jwt token, Role... roles) {
        Viewer viewer = KeycloakClaims.viewer(token.getClaims(), token.getSubject());
        if (Arrays.stream(roles).noneMatch(viewer::holds)) {
            throw new ReadRefused();
        }
        return viewer;
    }
}

package org.childjourney.core.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.jspecify.annotations.Nullable;

/**
 * Reads a caller from the claims of a verified Keycloak access token: {@code preferred_username}, {@code azp},
 * {@code agency} and {@code realm_access.roles}, and nothing else. The one place that knows Keycloak's claim
 * layout; both services build their {@link Viewer} here.
 */
public final class KeycloakClaims {

    private KeycloakClaims() {
    }

    /** The recognised realm roles in the claims; unknown roles are ignored. */
    public static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            names.stream().map(String::valueOf).map(Role::fromClaim).flatMap(Optional::stream).forEach(roles::add);
        }
        return roles;
    }

    /** The caller's agency, if the token carries a well-formed {@code agency} claim. */
    public static Optional<AgencyCode> agency(Map<String, Object> claims) {
        try {
            return claims.get("agency") instanceof String code ? Optional.of(AgencyCode.of(code)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Who the caller is: the user's name, or for a machine client its client id. */
    public static String username(Map<String, Object> claims, String subject) {
        return firstText(claims.get("preferred_username"), claims.get("azp"), subject);
    }

    /** The caller as a reader of the record. */
    public static Viewer viewer(Map<String, Object> claims, String subject) {
        return new Viewer(username(claims, subject), agency(claims).orElse(null), roles(claims));
    }

    private static String firstText(@Nullable Object first, @Nullable Object second, String fallback) {
        if (first instanceof String text && !text.isBlank()) {
            return text;
        }
        if (second instanceof String text && !text.isBlank()) {
            return text;
        }
        return fallback;
    }
}

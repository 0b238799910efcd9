package org.childjourney.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A stand-in for Keycloak's {@code journey} realm in ordinary tests: real signed JWTs, a real JWKS and discovery
 * document, with the claims Keycloak maps for agency clients.
 */
public final class MockKeycloak implements AutoCloseable {

    public static final String REALM = "journey";
    /** The audience the realm's audience mappers put in tokens for the gateway. */
    public static final String AUDIENCE = "journey-gateway";

    private final MockOAuth2Server server = new MockOAuth2Server();

    public MockKeycloak() {
        server.start();
    }

    public String issuerUri() {
        return server.issuerUrl(REALM).toString();
    }

    /** An access token of an agency system client: {@code azp} and {@code agency} are the client id. */
    public String agencySystem(String clientId) {
        return token(REALM, clientId, clientId, List.of("agency-system"), 300);
    }

    public String token(String issuer, String clientId, String agency, List<String> roles, long lifetimeSeconds) {
        return token(issuer, AUDIENCE, clientId, agency, roles, lifetimeSeconds);
    }

    /** As {@link #token(String, String, String, List, long)}, for the service named by {@code audience}. */
    public String token(String issuer, String audience, String clientId, String agency, List<String> roles,
            long lifetimeSeconds) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("azp", clientId);
        claims.put("preferred_username", "service-account-" + clientId);
        claims.put("realm_access", Map.of("roles", roles));
        if (agency != null) {
            claims.put("agency", agency);
        }
        return server.issueToken(issuer, "sub-" + clientId, audience, claims, lifetimeSeconds).serialize();
    }

    /** The token with its payload swapped for another, keeping the original signature. */
    public static String forged(String token, String otherToken) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + otherToken.split("\\.")[1] + "." + parts[2];
    }

    /** The token re-issued unsigned, with header {@code alg: none}. */
    public static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

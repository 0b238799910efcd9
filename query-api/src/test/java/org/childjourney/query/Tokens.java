package org.childjourney.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** Signed tokens for practitioners and auditors, as Keycloak's journey realm issues them to {@code journey-web}. */
public final class Tokens implements AutoCloseable {

    /** The audience the realm's audience mappers put in tokens for the query API. */
    public static final String AUDIENCE = "journey-query";

    private final MockOAuth2Server realm = new MockOAuth2Server();

    public Tokens() {
        realm.start();
    }

    public String issuerUri() {
        return realm.issuerUrl("journey").toString();
    }

    public String user(String username, String agency, String... roles) {
        return issue("journey", username, agency, List.of(roles), 300);
    }

    public String issue(String issuer, String username, String agency, List<String> roles, long lifetimeSeconds) {
        return issue(issuer, AUDIENCE, username, agency, roles, lifetimeSeconds);
    }

    /** As {@link #issue(String, String, String, List, long)}, for the service named by {@code audience}. */
    public String issue(String issuer, String audience, String username, String agency, List<String> roles,
            long lifetimeSeconds) {
        Map<String, Object> claims = new HashMap<>(Map.of("azp", "journey-web", "preferred_username", username,
                "realm_access", Map.of("roles", roles)));
        if (agency != null) {
            claims.put("agency", agency);
        }
        return realm.issueToken(issuer, "user-" + username, audience, claims, lifetimeSeconds).serialize();
    }

    /**
     * What the realm issues at the next sign-in to the pages (the authorization code flow of {@code journey-web}): an
     * access token for the query API and an ID token for the pages' client, for this practitioner.
     */
    public void signInNext(String username, String agency, String... roles) {
        Map<String, Object> claims = new HashMap<>(Map.of("azp", "journey-web", "preferred_username", username,
                "realm_access", Map.of("roles", List.of(roles)), "agency", agency));
        realm.enqueueCallback(new DefaultOAuth2TokenCallback("journey", "user-" + username, "JWT",
                List.of(AUDIENCE, "journey-web"), claims, 300));
    }

    /** A tampered token: the first token's header and signature around the second token's claims. */
    public static String tampered(String signed, String claimsFrom) {
        String[] parts = signed.split("\\.");
        return String.join(".", parts[0], claimsFrom.split("\\.")[1], parts[2]);
    }

    /** An unsecured JWT ({@code alg: none}) carrying the token's claims. */
    public static String algNone(String token) {
        byte[] header = "{\"typ\":\"JWT\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header) + "." + token.split("\\.")[1] + ".";
    }

    @Override
    public void close() {
        realm.shutdown();
    }
}

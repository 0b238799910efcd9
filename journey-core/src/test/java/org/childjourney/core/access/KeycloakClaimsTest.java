package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the caller from a verified Keycloak token's claims; all names are fictional. */
class KeycloakClaimsTest {

    private static final String SUBJECT = "0f1c7a1e-0000-4000-8000-00000000abcd";

    @Test
    void readsTheRecognisedRealmRolesAndIgnoresKeycloaksOwn() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles",
                List.of("practitioner", "offline_access", "uma_authorization", "mash", "default-roles-journey")));

        assertThat(KeycloakClaims.roles(claims)).containsExactlyInAnyOrder(Role.PRACTITIONER, Role.MASH);
    }

    @Test
    void readsEveryRoleTheServicesRecognise() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles",
                List.of("agency-system", "practitioner", "mash", "auditor", "admin", "metrics")));

        assertThat(KeycloakClaims.roles(claims)).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void ignoresRolesThatOnlyLookLikeOurs() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("Practitioner", "MASH", " auditor")));

        assertThat(KeycloakClaims.roles(claims)).isEmpty();
    }

    @Test
    void readsNoRolesOutsideRealmAccess() {
        assertThat(KeycloakClaims.roles(Map.of())).isEmpty();
        assertThat(KeycloakClaims.roles(Map.of("roles", List.of("mash")))).isEmpty();
        assertThat(KeycloakClaims.roles(Map.of("resource_access", Map.of("roles", List.of("mash"))))).isEmpty();
        assertThat(KeycloakClaims.roles(Map.of("realm_access", "mash"))).isEmpty();
        assertThat(KeycloakClaims.roles(Map.of("realm_access", Map.of("roles", "mash")))).isEmpty();
    }

    @Test
    void readsTheAgencyClaim() {
        assertThat(KeycloakClaims.agency(Map.of("agency", "police-east"))).contains(AgencyCode.of("police-east"));
    }

    @Test
    void readsNoAgencyWhenTheTokenNamesNone() {
        assertThat(KeycloakClaims.agency(Map.of())).isEmpty();
        assertThat(KeycloakClaims.agency(Map.of("agency", List.of("police-east")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Police East", "police_east", "-police-east", "police--east", "../admin", ""})
    void readsNoAgencyFromAMalformedClaim(String malformed) {
        assertThat(KeycloakClaims.agency(Map.of("agency", malformed))).isEmpty();
    }

    @Test
    void namesTheCallerByTheirUsername() {
        Map<String, Object> claims = Map.of("preferred_username", "fictional.nurse", "azp", "query-ui");

        assertThat(KeycloakClaims.username(claims, SUBJECT)).isEqualTo("fictional.nurse");
    }

    @Test
    void namesAMachineClientByItsClientId() {
        assertThat(KeycloakClaims.username(Map.of("azp", "police-east-gateway"), SUBJECT))
                .isEqualTo("police-east-gateway");
        assertThat(KeycloakClaims.username(Map.of("preferred_username", " ", "azp", "police-east-gateway"), SUBJECT))
                .isEqualTo("police-east-gateway");
    }

    @Test
    void namesTheCallerByTheTokenSubjectWhenNothingElseNamesThem() {
        assertThat(KeycloakClaims.username(Map.of(), SUBJECT)).isEqualTo(SUBJECT);
        assertThat(KeycloakClaims.username(Map.of("preferred_username", "", "azp", " "), SUBJECT)).isEqualTo(SUBJECT);
        assertThat(KeycloakClaims.username(Map.of("preferred_username", 42), SUBJECT)).isEqualTo(SUBJECT);
    }

    @Test
    void buildsTheViewerFromTheSameClaims() {
        Map<String, Object> claims = Map.of("preferred_username", "fictional.nurse", "agency", "hospital-north",
                "realm_access", Map.of("roles", List.of("practitioner", "offline_access")));

        assertThat(KeycloakClaims.viewer(claims, SUBJECT)).isEqualTo(new Viewer("fictional.nurse",
                AgencyCode.of("hospital-north"), Set.of(Role.PRACTITIONER)));
    }

    @Test
    void buildsAnAuditorWithoutAnAgency() {
        Map<String, Object> claims = Map.of("preferred_username", "fictional.auditor",
                "realm_access", Map.of("roles", List.of("auditor")));

        assertThat(KeycloakClaims.viewer(claims, SUBJECT))
                .isEqualTo(new Viewer("fictional.auditor", null, Set.of(Role.AUDITOR)));
    }
}

package org.childjourney.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The production realm template (infra/keycloak/production-realm.json) holds no demo identity and no secret: agency
 * systems authenticate with signed JWTs (private_key_jwt) against keys they publish, people only through the
 * browser flow with PKCE and a second factor, the monitoring system with a secret Keycloak makes; tokens live five
 * minutes and name the services they are for.
 * {@code EndToEndIT} imports it into the real Keycloak and signs in with it.
 */
class ProductionRealmTest {

    private static final Path TEMPLATE = Path.of(System.getProperty("childjourney.root", ".."))
            .resolve("infra/keycloak/production-realm.json");

    private final JsonNode realm = read();

    @Test
    void holdsNoSecretAndNoPersonOnlyServiceAccounts() {
        assertThat(realm.findValues("secret")).isEmpty();
        assertThat(realm.findValues("credentials")).isEmpty();
        assertThat(realm.path("users")).allSatisfy(user -> assertThat(user.path("serviceAccountClientId").asText())
                .isNotBlank());
    }

    @Test
    void agencySystemsSignTheirClientAssertionsWithKeysTheyPublish() {
        List<JsonNode> agencies = clients(client -> serviceAccountRoles(client).contains("agency-system"));
        assertThat(agencies).isNotEmpty().allSatisfy(agency -> {
            assertThat(agency.path("clientAuthenticatorType").asText()).isEqualTo("client-jwt");
            assertThat(agency.path("attributes").path("use.jwks.url").asText()).isEqualTo("true");
            assertThat(agency.path("attributes").path("jwks.url").asText()).startsWith("https://");
            assertThat(agency.path("publicClient").asBoolean()).isFalse();
            assertThat(agency.path("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(agency.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(audiences(agency)).containsExactlyInAnyOrder("journey-gateway", "journey-query");
            assertThat(agency.path("protocolMappers").findValuesAsText("claim.name")).contains("agency",
                    "agency_kind");
        });
    }

    /**
     * The one other machine client is the monitoring system's, which reads both services' metrics and nothing else:
     * its secret (Prometheus's {@code oauth2} block knows no signed assertion) is made by Keycloak on import.
     */
    @Test
    void theMonitoringSystemReadsMetricsAndNothingElse() {
        List<JsonNode> others = clients(client -> client.path("serviceAccountsEnabled").asBoolean()
                && !serviceAccountRoles(client).contains("agency-system"));
        assertThat(others).extracting(client -> client.path("clientId").asText()).containsExactly("metrics-scraper");
        JsonNode scraper = others.get(0);
        assertThat(serviceAccountRoles(scraper)).containsExactly("metrics");
        assertThat(scraper.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
        assertThat(scraper.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(scraper.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(audiences(scraper)).containsExactlyInAnyOrder("journey-gateway", "journey-query");
        assertThat(scraper.path("protocolMappers").findValuesAsText("claim.name")).doesNotContain("agency");
    }

    @Test
    void peopleSignInThroughTheBrowserWithPkceAndASecondFactor() {
        List<JsonNode> people = clients(client -> client.path("publicClient").asBoolean());
        assertThat(people).extracting(client -> client.path("clientId").asText()).containsExactly("journey-web");
        JsonNode web = people.get(0);
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).as("no password grant").isFalse();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(web.path("redirectUris")).allSatisfy(uri -> assertThat(uri.asText()).startsWith("https://"));
        assertThat(audiences(web)).containsExactly("journey-query");
        JsonNode totp = null;
        for (JsonNode action : realm.path("requiredActions")) {
            if (action.path("providerId").asText().equals("CONFIGURE_TOTP")) {
                totp = action;
            }
        }
        assertThat(totp).as("every person sets up a second factor at first sign-in").isNotNull();
        assertThat(totp.path("enabled").asBoolean()).isTrue();
        assertThat(totp.path("defaultAction").asBoolean()).isTrue();
    }

    @Test
    void everyClientsNameAndDescriptionFitKeycloaksColumns() {
        realm.path("clients").forEach(client -> {
            assertThat(client.path("name").asText()).hasSizeLessThanOrEqualTo(255);
            assertThat(client.path("description").asText()).hasSizeLessThanOrEqualTo(255);
        });
    }

    @Test
    void tokensAreShortLivedAndTheRealmHardened() {
        assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
        assertThat(realm.path("accessTokenLifespan").asInt()).isPositive().isLessThanOrEqualTo(300);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isLessThanOrEqualTo(900);
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)");
    }

    private List<JsonNode> clients(Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        realm.path("clients").forEach(client -> {
            if (which.test(client)) {
                found.add(client);
            }
        });
        return found;
    }

    private List<String> serviceAccountRoles(JsonNode client) {
        List<String> roles = new ArrayList<>();
        realm.path("users").forEach(user -> {
            if (user.path("serviceAccountClientId").asText().equals(client.path("clientId").asText())) {
                user.path("realmRoles").forEach(role -> roles.add(role.asText()));
            }
        });
        return roles;
    }

    private static List<String> audiences(JsonNode client) {
        return client.path("protocolMappers").findValuesAsText("included.custom.audience");
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(TEMPLATE.toFile());
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}

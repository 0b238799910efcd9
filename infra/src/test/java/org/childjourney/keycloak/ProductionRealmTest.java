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
 * browser flow with PKCE and a second factor, tokens live five minutes and name the services they are for.
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
        List<JsonNode> agencies = clients(client -> client.path("serviceAccountsEnabled").asBoolean());
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

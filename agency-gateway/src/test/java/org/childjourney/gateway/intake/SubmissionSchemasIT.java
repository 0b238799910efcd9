package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.childjourney.core.journey.EntryType;
import org.childjourney.gateway.MockKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Agencies get the schema of every entry type's details from the gateway's OpenAPI document, read off the same
 * entry records that the gateway checks submissions against.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmissionSchemasIT {

    static final MockKeycloak KEYCLOAK = new MockKeycloak();

    @LocalServerPort
    int port;
    JsonNode schemas;
    JsonNode document;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:schemas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void readTheOpenApiDocument() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        document = new ObjectMapper().readTree(answer.body());
        schemas = document.path("components").path("schemas");
    }

    @Test
    void describesEveryEntryTypesDetailsAsOneOfASubmissionsDetails() {
        assertThat(Arrays.stream(EntryType.values()).map(SubmissionSchemas::schemaName))
                .allSatisfy(name -> assertThat(schemas.has(name)).as(name).isTrue());
        assertThat(schemas.path("Submission").path("properties").path("details").path("oneOf"))
                .hasSize(EntryType.values().length);
        assertThat(document.at("/paths/~1api~1v1~1submissions/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Submission");
    }

    @Test
    void givesEachFieldItsContractNameKindAndLimits() {
        JsonNode concern = schemas.path("SchoolConcernDetails");
        assertThat(concern.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("category", "description", "actionTaken");
        assertThat(concern.at("/properties/category/enum")).extracting(JsonNode::asText)
                .contains("neglect", "physical-abuse");
        assertThat(concern.at("/properties/description/maxLength").asInt()).isEqualTo(20_000);

        JsonNode attendance = schemas.path("AeAttendanceDetails");
        assertThat(attendance.at("/properties/injury/type").asText()).isEqualTo("boolean");
        assertThat(attendance.at("/properties/dischargedAt/format").asText()).isEqualTo("date-time");
        assertThat(attendance.at("/properties/site/maxLength").asInt()).isEqualTo(200);

        assertThat(schemas.at("/TeamMemberAddedDetails/properties").has("agency")).isTrue();
        assertThat(schemas.at("/StrategyDiscussionDetails/properties/participants/type").asText())
                .isEqualTo("array");
    }

    @Test
    void namesEarlierEntriesAsAgenciesKnowThem() {
        assertThat(schemas.at("/ContactDecisionDetails/properties").has("contactSourceRecordId")).isTrue();
        assertThat(schemas.at("/ContactDecisionDetails/properties").has("contactEntryId")).isTrue();
        assertThat(schemas.at("/S47OutcomeDetails/required")).extracting(JsonNode::asText)
                .contains("strategyDiscussionSourceRecordId", "outcome", "rationale");
        // An amendment names its target either way: a household submission's entries only by entry id.
        for (String amendment : List.of("EntryRetractedDetails", "EntryCorrectedDetails")) {
            assertThat(schemas.at("/" + amendment + "/properties").has("targetSourceRecordId")).isTrue();
            assertThat(schemas.at("/" + amendment + "/properties").has("targetEntryId")).isTrue();
            assertThat(schemas.at("/" + amendment + "/required")).extracting(JsonNode::asText).contains("reason")
                    .doesNotContain("targetSourceRecordId", "targetEntryId");
        }
        assertThat(schemas.at("/EntryCorrectedDetails/required")).extracting(JsonNode::asText)
                .contains("correctedDetails");
    }
}

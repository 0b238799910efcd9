package org.childjourney.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import org.childjourney.core.cipher.JourneyCipher;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.gateway.GatewayClient;
import org.childjourney.gateway.GatewayClient.Answer;
import org.childjourney.gateway.MockKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hospital sends an emergency department attendance as a FHIR R4 Encounter bundle, as its own system already
 * speaks: it is recorded as the same event the contract's JSON makes, and the same attendance sent both ways is one
 * entry. A bundle FHIR R4 does not allow, or that is not an attendance, is {@code 400} naming the FHIR elements and
 * never their values, and stores nothing; who may send an attendance is as for JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class FhirEncounterIT {

    private static final MockKeycloak KEYCLOAK = new MockKeycloak();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR = "application/fhir+json";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JourneyKeys keys;

    private GatewayClient gateway;
    private String hospital;
    private String nhsNumber;
    private String attendanceId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:fhir-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void aHospital() {
        gateway = new GatewayClient(port);
        hospital = KEYCLOAK.agencySystem("hospital-north");
        nhsNumber = FictionalNhsNumbers.next();
        attendanceId = "AE-" + UUID.randomUUID();
    }

    @Test
    void anEncounterBundleIsRecordedAsTheAttendanceItIsAndOnceWhicheverWayItIsSent() throws Exception {
        long before = events();
        Answer recorded = gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> { }));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        String entryId = recorded.json().path("entryId").asText();

        String type = "org.childjourney.core.journey.event.AeAttendanceRecorded";
        JsonNode stored = JSON.readTree(new JourneyCipher().inClear(jdbc.sql("SELECT payload FROM DomainEventEntry"
                + " WHERE payloadType = ? ORDER BY globalIndex DESC FETCH FIRST 1 ROWS ONLY")
                .param(type).query(byte[].class).single(), type, keys));
        assertThat(stored.path("entryId").asText()).isEqualTo(entryId);
        assertThat(stored.path("site").asText()).isEqualTo("North General ED");
        assertThat(stored.path("presentingComplaint").asText()).isEqualTo("Fall from climbing frame");
        assertThat(stored.path("injury").asBoolean()).isTrue();
        assertThat(stored.path("dischargedAt").asText()).isEqualTo("2026-11-18T14:30:00Z");
        assertThat(stored.path("safeguardingConcern").asText()).isEqualTo("Fictional: bruising not explained");
        assertThat(stored.path("provenance").path("sourceRecordId").asText()).isEqualTo(attendanceId);
        assertThat(stored.path("provenance").path("occurredAt").asText()).isEqualTo("2026-11-18T10:00:00Z");
        assertThat(stored.path("subject").path("nhsNumber").asText()).isEqualTo(nhsNumber);
        assertThat(stored.path("subject").path("localId").path("system").asText()).isEqualTo("hospital-north/mrn");
        assertThat(stored.path("subject").path("givenName").asText()).isEqualTo("Amy");
        assertThat(stored.path("subject").path("dateOfBirth").asText()).isEqualTo("2016-04-02");
        assertThat(stored.path("subject").path("postcode").asText()).isEqualTo("CB1 2AB");

        Answer resent = gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> { }));
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json()).isEqualTo(recorded.json());
        Answer asJson = gateway.submit(hospital, asJson("2026-11-18T10:00:00Z", "2026-11-18T14:30:00Z"));
        assertThat(asJson.status()).as("the same attendance as the contract's JSON").isEqualTo(200);
        assertThat(asJson.json().path("entryId").asText()).isEqualTo(entryId);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void whatFhirR4DoesNotAllowIsRefusedByElementAndStoresNothing(CapturedOutput output) {
        long before = events();
        Answer unknown = gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle ->
                encounter(bundle).put("admissionNote", "Fictional: not an element")));
        assertInvalid(unknown, "admissionNote", "is not an element of FHIR R4 here");

        Answer badCode = gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle ->
                encounter(bundle).put("status", "wandered-off")));
        assertInvalid(badCode, "status", "is not a valid value");

        Answer badDate = gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle ->
                patient(bundle).put("birthDate", "2016-13-45")));
        assertInvalid(badDate, "birthDate", "is not a valid value");

        Answer notJson = gateway.post("/api/v1/submissions", hospital, FHIR, "{\"resourceType\":\"Bundle\",");
        assertInvalid(notJson, "Bundle", "must be a FHIR R4 Bundle");
        Answer notABundle = gateway.post("/api/v1/submissions", hospital, FHIR, encounterAlone());
        assertInvalid(notABundle, "Bundle", "must be a FHIR R4 Bundle");

        assertThat(events()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(nhsNumber, "Amy", "Fall from climbing frame", "wandered-off",
                "2016-13-45");
    }

    @Test
    void aBundleThatIsNotAnEmergencyAttendanceIsRefusedByElement() {
        long before = events();
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ObjectNode) encounter(bundle)
                .path("class")).put("code", "AMB"))), "Encounter.class", "an emergency attendance");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> encounter(bundle)
                .put("status", "entered-in-error"))), "Encounter.status", "took place");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ObjectNode) encounter(bundle)
                .path("period")).put("start", "2026-11-18"))), "Encounter.period.start", "to the second");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> encounter(bundle)
                .remove("extension"))), "Encounter.extension(" + EncounterBundles.INJURY + ")", "injury");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> encounter(bundle)
                .remove("identifier"))), "Encounter.identifier", "own id");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ObjectNode) encounter(bundle)
                .path("subject")).put("reference", "Patient/someone-else"))), "Encounter.subject", "a Patient");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ArrayNode) bundle
                .path("entry")).add(bundle.path("entry").get(0).deepCopy()))), "Bundle.entry", "exactly one");
        // Read and mapped, then found wrong by the intake's own checks: named by the element it came from.
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ObjectNode) patient(bundle)
                .path("identifier").get(0)).put("value", "9990000000"))), "Patient.identifier", "check digit");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ObjectNode) encounter(bundle)
                .path("serviceProvider")).put("display", "North General ED ".repeat(20)))),
                "Encounter.serviceProvider.display", "200");
        // What the parser lets through and would otherwise fail later, or be ignored.
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> encounter(bundle)
                .remove("status"))), "Encounter.status", "took place");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ArrayNode) encounter(bundle)
                .path("extension")).add(encounter(bundle).path("extension").get(0).deepCopy()))),
                "Encounter.extension(" + EncounterBundles.INJURY + ")", "once");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> encounter(bundle)
                .putArray("modifierExtension").addObject().put("url", "urn:example:not-really").put("valueBoolean",
                        true))), "Encounter.modifierExtension", "may not be ignored");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ArrayNode) patient(bundle)
                .path("identifier")).addObject().put("system", EncounterBundles.NHS_NUMBER).put("value", nhsNumber))),
                "Patient.identifier", "one NHS number");
        assertInvalid(gateway.post("/api/v1/submissions", hospital, FHIR, bundle(bundle -> ((ObjectNode) encounter(bundle)
                .path("period")).put("end", "2026-11-18T09:00:00Z"))), "Encounter.period", "per-1");
        assertThat(events()).isEqualTo(before);
    }

    /**
     * A time sent with its offset (British Summer Time) is kept as sent, so the same attendance sent as JSON with the
     * same text is the same submission; a FHIR client that asks for FHIR JSON back gets the receipt.
     */
    @Test
    void aTimeWithItsOffsetIsTheSameAttendanceSentEitherWay() {
        String summer = bundle(bundle -> ((ObjectNode) encounter(bundle).path("period"))
                .put("start", "2026-07-18T11:00:00.250+01:00").put("end", "2026-07-18T15:30:00+01:00"));
        Answer recorded = gateway.postAccepting("/api/v1/submissions", hospital, FHIR, FHIR, summer);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        Answer asJson = gateway.submit(hospital,
                asJson("2026-07-18T11:00:00.250+01:00", "2026-07-18T15:30:00+01:00"));
        assertThat(asJson.status()).as(asJson.raw()).isEqualTo(200);
        assertThat(asJson.json().path("entryId").asText()).isEqualTo(recorded.json().path("entryId").asText());
    }

    @Test
    void onlyAHealthAgencyMaySendAnAttendanceHoweverItIsSent() {
        long before = events();
        Answer police = gateway.post("/api/v1/submissions", KEYCLOAK.agencySystem("police-east"), FHIR,
                bundle(bundle -> { }));
        assertThat(police.status()).isEqualTo(403);
        assertThat(police.json().path("type").asText()).endsWith("submission-not-permitted");
        assertThat(events()).isEqualTo(before);
    }

    private static void assertInvalid(Answer answer, String element, String message) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsText("field")).as(answer.raw()).contains(element);
        assertThat(answer.json().path("errors").toString()).contains(message);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    /** The attendance as a hospital's system would send it, changed by {@code change}. */
    private String bundle(Consumer<ObjectNode> change) {
        try {
            ObjectNode bundle = (ObjectNode) JSON.readTree("""
                    {"resourceType":"Bundle","type":"collection","entry":[
                     {"fullUrl":"urn:uuid:6a0b8c33-4d4e-4a61-9a57-1d2c3b4a5e6f","resource":{"resourceType":"Encounter",
                       "identifier":[{"system":"https://hospital-north.example/attendance","value":"%s"}],
                       "status":"finished",
                       "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER"},
                       "subject":{"reference":"urn:uuid:0f0e0d0c-0b0a-4909-8807-060504030201"},
                       "period":{"start":"2026-11-18T10:00:00Z","end":"2026-11-18T14:30:00Z"},
                       "reasonCode":[{"text":"Fall from climbing frame"}],
                       "serviceProvider":{"display":"North General ED"},
                       "extension":[{"url":"%s","valueBoolean":true}]}},
                     {"fullUrl":"urn:uuid:0f0e0d0c-0b0a-4909-8807-060504030201","resource":{"resourceType":"Patient",
                       "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"},
                                     {"system":"urn:childjourney:local-id:hospital-north/mrn","value":"MRN-1"}],
                       "name":[{"use":"official","family":"Example","given":["Amy"]}],
                       "birthDate":"2016-04-02","address":[{"postalCode":"CB1 2AB"}]}},
                     {"resource":{"resourceType":"Flag","status":"active",
                       "code":{"text":"Fictional: bruising not explained"},
                       "subject":{"reference":"urn:uuid:0f0e0d0c-0b0a-4909-8807-060504030201"}}}]}
                    """.formatted(attendanceId, EncounterBundles.INJURY, nhsNumber));
            change.accept(bundle);
            return bundle.toString();
        } catch (Exception malformed) {
            throw new IllegalStateException(malformed);
        }
    }

    /** The same attendance as the bundle, as the contract's JSON, with these times as text. */
    private String asJson(String occurredAt, String dischargedAt) {
        return """
                {"sourceRecordId":"%s","type":"ae-attendance","occurredAt":"%s",
                 "subject":{"nhsNumber":"%s","localId":{"system":"hospital-north/mrn","value":"MRN-1"},
                   "givenName":"Amy","familyName":"Example","dateOfBirth":"2016-04-02","postcode":"CB1 2AB"},
                 "details":{"site":"North General ED","presentingComplaint":"Fall from climbing frame","injury":true,
                   "dischargedAt":"%s","safeguardingConcern":"Fictional: bruising not explained"}}
                """.formatted(attendanceId, occurredAt, nhsNumber, dischargedAt);
    }

    private static ObjectNode encounter(ObjectNode bundle) {
        return (ObjectNode) bundle.path("entry").get(0).path("resource");
    }

    private static ObjectNode patient(ObjectNode bundle) {
        return (ObjectNode) bundle.path("entry").get(1).path("resource");
    }

    private String encounterAlone() {
        return encounter((ObjectNode) readTree(bundle(bundle -> { }))).toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception malformed) {
            throw new IllegalStateException(malformed);
        }
    }
}

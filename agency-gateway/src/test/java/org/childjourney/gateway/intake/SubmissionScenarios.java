package org.childjourney.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.cipher.JourneyCipher;
import org.childjourney.core.cipher.JourneyKeys;
import org.childjourney.core.journey.AdultServiceEventKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConcernCategory;
import org.childjourney.core.journey.DuplicateReason;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.journey.event.AdultServiceEventRecorded;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.PossibleDuplicateRaised;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.LocalId;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Relationship;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Sensitivity;
import org.childjourney.gateway.GatewayClient.Answer;
import org.childjourney.gateway.GatewayClient;
import org.childjourney.gateway.MockKeycloak;
import org.childjourney.gateway.config.GatewayProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an agency system experiences when it pushes submissions, on a real gateway with its real event store.
 * Run on H2 ({@link SubmissionOnH2IT}) and on PostgreSQL ({@link SubmissionOnPostgresIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
abstract class SubmissionScenarios {

    static final MockKeycloak KEYCLOAK = new MockKeycloak();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JourneyKeys keys;
    @Autowired
    EventStore eventStore;
    @Autowired
    IdentifierMigration migration;
    @Autowired
    IdentifierDigests digests;
    @Autowired
    GatewayProperties properties;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MeterRegistry meters;
    @Autowired
    IntakeLedger ledger;

    GatewayClient gateway;
    String police;
    String hospital;
    String school;
    String socialCare;
    String mentalHealth;
    String nhsNumber;

    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
    }

    @BeforeEach
    void agencies() {
        gateway = new GatewayClient(port);
        police = KEYCLOAK.agencySystem("police-east");
        hospital = KEYCLOAK.agencySystem("hospital-north");
        school = KEYCLOAK.agencySystem("school-parkside");
        socialCare = KEYCLOAK.agencySystem("csc-county");
        mentalHealth = KEYCLOAK.agencySystem("adult-mh-county");
        nhsNumber = Submissions.freshNhsNumber();
    }

    @Test
    void fourAgenciesSignalsAboutOneChildLandOnOneJourney() {
        Answer ae = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber));
        Answer da = gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), nhsNumber));
        Answer concern = gateway.submit(school, Submissions.schoolConcern("SC-" + uuid(), nhsNumber));
        Answer contact = gateway.submit(socialCare, Submissions.contact("CT-" + uuid(), nhsNumber));

        for (Answer answer : List.of(ae, da, concern, contact)) {
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            assertThat(answer.json().path("entryId").asText()).isNotBlank();
            assertThat(answer.json().path("recordedAt").asText()).isNotBlank();
        }
        assertThat(Stream.of(da, concern, contact).map(a -> a.json().path("journeyId").asText()))
                .containsOnly(ae.json().path("journeyId").asText());
        assertThat(eventsOf(ae.json().path("journeyId").asText())).hasSize(4);
        assertThat(eventStore.readEvents(ae.json().path("journeyId").asText()).asStream()
                .map(message -> message.getTimestamp()).toList())
                .as("each receipt's recordedAt is the time the event store holds for its entry")
                .containsExactlyElementsOf(Stream.of(ae, da, concern, contact)
                        .map(answer -> Instant.parse(answer.json().path("recordedAt").asText())).toList());
    }

    @Test
    void resendingTheSameSubmissionAnswersTheSameReceiptAndRecordsNothingMore() {
        String body = Submissions.domesticAbuse("INC-" + uuid(), nhsNumber);
        Answer first = gateway.submit(police, body);
        Answer again = gateway.submit(police, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventsOf(first.json().path("journeyId").asText())).hasSize(1);
    }

    @Test
    void reusingASourceRecordIdForDifferentContentIsAConflictAndStoresNothing() {
        String sourceRecordId = "INC-" + uuid();
        Answer first = gateway.submit(police, Submissions.domesticAbuse(sourceRecordId, nhsNumber));
        long before = eventCount();

        Answer changed = gateway.submit(police, Submissions.domesticAbuse(sourceRecordId, nhsNumber)
                .replace("\"riskLevel\":\"high\"", "\"riskLevel\":\"medium\""));

        assertThat(first.status()).isEqualTo(201);
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void sourceRecordIdsAreTrimmedAndInOneUnicodeFormSoThatOneIdentifierIsOneRecord() {
        String composed = "CAF\u00c9-" + uuid();
        String decomposed = "  " + composed.replace("\u00c9", "E\u0301") + " ";
        Answer first = gateway.submit(police, Submissions.domesticAbuse(composed, nhsNumber));

        Answer sameIdOtherContent = gateway.submit(police, Submissions.domesticAbuse(decomposed, nhsNumber)
                .replace("\"riskLevel\":\"high\"", "\"riskLevel\":\"standard\""));

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(sameIdOtherContent.status()).as("the same record id, so a conflict, not a second record")
                .isEqualTo(409);
    }

    @Test
    void theSameSourceRecordIdFromAnotherAgencyIsAnotherSubmission() {
        String sourceRecordId = "REF-" + uuid();
        Answer fromPolice = gateway.submit(police, Submissions.domesticAbuse(sourceRecordId, nhsNumber));
        Answer fromHospital = gateway.submit(hospital, Submissions.aeAttendance(sourceRecordId, nhsNumber));

        assertThat(fromPolice.status()).isEqualTo(201);
        assertThat(fromHospital.status()).isEqualTo(201);
        assertThat(fromHospital.json().path("entryId")).isNotEqualTo(fromPolice.json().path("entryId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.childjourney.gateway.intake.Submissions#invalid")
    void anInvalidSubmissionIsRefusedFieldByFieldAndStoresNothing(String why, String body, String field) {
        long eventsBefore = eventCount();
        long submissionsBefore = submissionCount();

        Answer answer = gateway.submit(senderOf(body), body.replace("${nhs}", nhsNumber));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:childjourney:problem:invalid-submission");
        assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
        assertThat(answer.raw()).doesNotContain(nhsNumber).doesNotContain(Submissions.PERSONAL_DATA)
                .doesNotContain(Submissions.INVALID_VALUES);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(submissionCount()).isEqualTo(submissionsBefore);
    }

    @Test
    void theAgencyIsTheTokensNeverTheBodys() {
        Answer answer = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber)
                .replace("{\"sourceRecordId\"", "{\"agency\":{\"code\":\"police-east\"},\"sourceRecordId\""));

        assertThat(answer.status()).isEqualTo(201);
        JourneyEntry event = eventsOf(answer.json().path("journeyId").asText()).get(0);
        assertThat(event.provenance().agency().code().value()).isEqualTo("hospital-north");
        assertThat(event.provenance().recordedBy()).isEqualTo("service-account-hospital-north");
    }

    @Test
    void theSourcesSensitivityTravelsWithTheEntry() {
        Answer answer = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber)
                .replace("{\"sourceRecordId\"", "{\"sensitivity\":\"mental-health\",\"sourceRecordId\""));
        Answer ordinary = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber));

        List<JourneyEntry> entries = eventsOf(answer.json().path("journeyId").asText());
        assertThat(entries).extracting(entry -> entry.provenance().sensitivity())
                .containsExactly(Sensitivity.MENTAL_HEALTH, Sensitivity.NONE);
        assertThat(ordinary.status()).isEqualTo(201);
    }

    @Test
    void aLocalIdSystemIsUsedOnlyByItsAgencyOrForANationalSystemByEveryAgencyOfItsKind() {
        String value = "X-" + uuid();
        String riverside = KEYCLOAK.agencySystem("school-riverside");
        long before = storedEvents();

        Answer byPolice = gateway.submit(police, Submissions.contactByLocalId("CT-" + uuid(), "police-east/person",
                value));
        Answer sameValueBySocialCare = gateway.submit(socialCare, Submissions.contactByLocalId("CT-" + uuid(),
                "csc-county/person", value));
        Answer parksideUpn = gateway.submit(school, Submissions.contactByLocalId("CT-" + uuid(), "upn", value));
        Answer riversideUpn = gateway.submit(riverside, Submissions.contactByLocalId("CT-" + uuid(), "upn", value));
        assertThat(storedEvents()).isEqualTo(before + 4);
        Answer anotherAgencysSystem = gateway.submit(school, Submissions.contactByLocalId("CT-" + uuid(),
                "police-east/person", value));
        Answer policeUsingUpn = gateway.submit(police, Submissions.contactByLocalId("CT-" + uuid(), "upn", value));
        Answer registeredByNobody = gateway.submit(school, Submissions.contactByLocalId("CT-" + uuid(),
                "school-hillside/upn", value));

        assertThat(List.of(byPolice, sameValueBySocialCare, parksideUpn, riversideUpn))
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(201));
        assertThat(sameValueBySocialCare.json().path("journeyId").asText())
                .as("one agency's local id never leads to another agency's child")
                .isNotEqualTo(byPolice.json().path("journeyId").asText());
        assertThat(riversideUpn.json().path("journeyId").asText()).as("a national system is one identifier")
                .isEqualTo(parksideUpn.json().path("journeyId").asText())
                .isNotEqualTo(byPolice.json().path("journeyId").asText());
        assertThat(List.of(anotherAgencysSystem, policeUsingUpn, registeredByNobody)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly("subject.localId.system");
        });
        assertThat(storedEvents()).as("nothing stored for a refused local id").isEqualTo(before + 4);
    }

    @Test
    void identifierRowsOfTheEarlierDigestSchemeAreRecomputedFromTheEvents() throws Exception {
        String localId = "P-" + uuid();
        String journey = gateway.submit(police, Submissions.domesticAbuseByLocalId("INC-" + uuid(), localId,
                nhsNumber)).json().path("journeyId").asText();
        String earlierDigest = hmac("local:police-east/person\u0000" + localId);
        jdbc.sql("DELETE FROM journey_identifier").update();
        jdbc.sql("INSERT INTO journey_identifier (digest, journey_id) VALUES (?, ?)")
                .params(earlierDigest, UUID.fromString(journey)).update();
        owner().sql("DELETE FROM intake_migration").update();
        // Stored before the register: a school's entry naming the police's system.
        String schoolsUseOfPoliceId = "P-" + uuid();
        ChildJourneyId legacy = new ChildJourneyId(UUID.randomUUID());
        eventStore.publish(new GenericDomainEventMessage<>("ChildJourney", legacy.toString(), 0,
                new SchoolConcernRaised(legacy, new EntryId(UUID.randomUUID()),
                        JourneyFixtures.provenance(JourneyFixtures.SCHOOL_PARKSIDE), new Subject(null,
                                new LocalId("police-east/person", Sensitive.of(schoolsUseOfPoliceId)), null, null,
                                null, null), JourneyFixtures.CONSENT_GIVEN, ConcernCategory.NEGLECT,
                        Sensitive.of("Fictional"), Sensitive.of("Fictional"))));

        migration.afterSingletonsInstantiated();

        Map<String, String> rows = new HashMap<>();
        jdbc.sql("SELECT digest, journey_id FROM journey_identifier").query((rs, row) -> rows.put(rs.getString(1),
                rs.getString(2))).list();
        assertThat(rows).doesNotContainKey(earlierDigest)
                .as("an id of another agency's system, from before the register, leads nowhere")
                .doesNotContainKey(digests.ofLocalId(new LocalId("police-east/person",
                        Sensitive.of(schoolsUseOfPoliceId))).orElseThrow())
                .containsEntry(digests.ofLocalId(new LocalId("police-east/person", Sensitive.of(localId)))
                        .orElseThrow(), journey)
                .containsEntry(digests.ofNhsNumber(NhsNumber.of(nhsNumber)).orElseThrow(), journey);
        assertThat(gateway.submit(police, Submissions.domesticAbuseByLocalId("INC-" + uuid(), localId, null)).json()
                .path("journeyId").asText()).isEqualTo(journey);
        migration.afterSingletonsInstantiated();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journey_identifier").query(Long.class).single())
                .as("run again, it changes nothing").isEqualTo(rows.size());
    }

    /** HMAC-SHA-256 under the tests' digest key, as the earlier scheme computed local id digests. */
    private String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(properties.digestKeyBytes(), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The store as its owner sees it, for what an operator, not the service, may do: the service's own here. */
    JdbcClient owner() {
        return jdbc;
    }

    private long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    @Test
    void aKnownLocalIdWithANewNhsNumberAttachesTheNhsNumberToTheSameJourney() {
        String localId = "P-" + uuid();
        Answer byLocalId = gateway.submit(police, Submissions.domesticAbuseByLocalId("INC-" + uuid(), localId, null));
        Answer withNhsNumber = gateway.submit(police,
                Submissions.domesticAbuseByLocalId("INC-" + uuid(), localId, nhsNumber));
        Answer byNhsNumberOnly = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber));

        String journey = byLocalId.json().path("journeyId").asText();
        assertThat(withNhsNumber.json().path("journeyId").asText()).isEqualTo(journey);
        assertThat(byNhsNumberOnly.json().path("journeyId").asText()).isEqualTo(journey);
    }

    @Test
    void theFrontDoorDecidesOnAContactByItsOwnRecordIdOrAnotherAgencysEntryId() {
        String contactId = "CT-" + uuid();
        Answer own = gateway.submit(socialCare, Submissions.contact(contactId, nhsNumber));
        Answer schoolContact = gateway.submit(school, Submissions.contact("SCT-" + uuid(), nhsNumber));

        Answer onOwn = gateway.submit(socialCare, Submissions.decision("DEC-" + uuid(), nhsNumber,
                "\"contactSourceRecordId\":\"" + contactId + "\""));
        Answer onSchools = gateway.submit(socialCare, Submissions.decision("DEC-" + uuid(), nhsNumber,
                "\"contactEntryId\":\"" + schoolContact.json().path("entryId").asText() + "\""));

        assertThat(onOwn.status()).as(onOwn.raw()).isEqualTo(201);
        assertThat(onSchools.status()).as(onSchools.raw()).isEqualTo(201);
        assertThat(onSchools.json().path("journeyId")).isEqualTo(own.json().path("journeyId"));
    }

    @Test
    void aDecisionMustNameAContact() {
        String aeId = "AE-" + uuid();
        gateway.submit(socialCare, Submissions.aeAttendance(aeId, nhsNumber));
        long before = eventCount();

        Answer answer = gateway.submit(socialCare, Submissions.decision("DEC-" + uuid(), nhsNumber,
                "\"contactSourceRecordId\":\"" + aeId + "\""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field"))
                .containsExactly("details.contactSourceRecordId");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlyTheRecordingAgencyCorrectsOrRetractsAnEntryAndTheOriginalStaysInHistory() {
        String concernId = "SC-" + uuid();
        Answer concern = gateway.submit(school, Submissions.schoolConcern(concernId, nhsNumber));
        String journey = concern.json().path("journeyId").asText();

        Answer corrected = gateway.submit(school, Submissions.correction("COR-" + uuid(), nhsNumber, concernId,
                "{\"category\":\"neglect\",\"description\":\"Corrected description\",\"actionTaken\":\"Called DSL\"}"));
        Answer byPolice = gateway.submit(police, Submissions.retraction("RET-" + uuid(), nhsNumber, concernId));
        Answer wrongShape = gateway.submit(school, Submissions.correction("COR-" + uuid(), nhsNumber, concernId,
                "{\"category\":\"not-a-category\"}"));
        Answer retracted = gateway.submit(school, Submissions.retraction("RET-" + uuid(), nhsNumber, concernId));
        Answer afterRetraction = gateway.submit(school, Submissions.retraction("RET-" + uuid(), nhsNumber, concernId));

        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(201);
        assertThat(byPolice.status()).isEqualTo(400);
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.json().path("errors").findValuesAsText("field"))
                .contains("details.correctedDetails.category", "details.correctedDetails.description");
        assertThat(retracted.status()).isEqualTo(201);
        assertThat(afterRetraction.status()).isEqualTo(409);
        assertThat(eventsOf(journey)).hasSize(3);
    }

    @Test
    void aCorrectionRecordsOnlyTheFieldsOfTheCorrectedEntrysTypeAndNothingElseTheAgencySent() {
        String concernId = "SC-" + uuid();
        String journey = gateway.submit(school, Submissions.schoolConcern(concernId, nhsNumber)).json()
                .path("journeyId").asText();

        Answer corrected = gateway.submit(school, Submissions.correction("COR-" + uuid(), nhsNumber, concernId,
                "{\"category\":\"neglect\",\"description\":\"Corrected description\",\"actionTaken\":\"Called DSL\","
                        + "\"$where\":\"sleep(1000)\",\"a.b\":1,\"nested\":{\"$date\":\"not a date\"}}"));

        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(201);
        EntryCorrected correction = (EntryCorrected) eventsOf(journey).get(1);
        assertThat(Submissions.parse(correction.correctedDetails().value())).isEqualTo(Submissions.parse(
                "{\"category\":\"neglect\",\"description\":\"Corrected description\",\"actionTaken\":\"Called DSL\"}"));
    }

    @Test
    void everySubmissionTypeOfTheContractIsRecorded() {
        List<String> bodies = Submissions.everyType(nhsNumber);
        for (String body : bodies) {
            Answer answer = gateway.submit(senderOf(body), body);
            assertThat(answer.status()).as(body + " -> " + answer.raw()).isEqualTo(201);
        }
        assertThat(bodies.stream().map(Submissions::typeOf).distinct())
                .as("every type that names an earlier entry; the others also by recordsEveryTypesDetailsAsSent")
                .containsAll(Arrays.stream(EntryType.values()).filter(type -> !namesNoEarlierEntry(type))
                        .map(EntryType::wireName).toList());
    }

    static Stream<Named<JourneyEntry>> examplesNamingNoEarlierEntry() {
        return JourneyFixtures.everyEvent().stream().filter(JourneyEntry.class::isInstance)
                .map(JourneyEntry.class::cast).filter(entry -> namesNoEarlierEntry(EntryType.of(entry)))
                .map(entry -> Named.of(EntryType.of(entry).wireName(), entry));
    }

    private static boolean namesNoEarlierEntry(EntryType type) {
        return EntryField.of(type.entryRecord()).stream().allMatch(field -> field.role() == EntryField.Role.VALUE);
    }

    /**
     * Every entry type is read by the fields its record declares: an example of each, its details written as the
     * contract writes them, is recorded with the same details (a type added since needs no scenario of its own).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesNamingNoEarlierEntry")
    void recordsEveryTypesDetailsAsSent(JourneyEntry example) {
        EntryType type = EntryType.of(example);
        ObjectNode details = JSON.createObjectNode();
        for (EntryField field : EntryField.of(type.entryRecord())) {
            Object value = field.valueIn(example);
            if (value != null) {
                details.set(field.wireName(), JSON.valueToTree(field.toWire(value)));
            }
        }
        String body = Submissions.submission("EX-" + uuid(), type.wireName(), "2026-11-21T10:00:00Z",
                Submissions.subject(nhsNumber), type.requiresConsent() ? "{\"status\":\"given\"}" : null,
                details.toString().substring(1, details.toString().length() - 1));

        Answer answer = gateway.submit(senderFor(type), body);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        JourneyEntry recorded = eventsOf(answer.json().path("journeyId").asText()).get(0);
        assertThat(recorded).isInstanceOf(type.entryRecord());
        assertThat(EntryField.of(type.entryRecord())).allSatisfy(field -> assertThat(field.valueIn(recorded))
                .as(field.name()).isEqualTo(field.valueIn(example)));
    }

    private String senderFor(EntryType type) {
        return type.maySendBy(AgencyKind.CHILDRENS_SOCIAL_CARE) ? socialCare
                : type.maySendBy(AgencyKind.POLICE) ? police
                : type.maySendBy(AgencyKind.HEALTH) ? hospital
                : type.maySendBy(AgencyKind.EDUCATION) ? school : mentalHealth;
    }

    @ParameterizedTest(name = "{0} may not send a {1}")
    @CsvSource({
        "school-parkside, domestic-abuse-notification", "police-east, ae-attendance",
        "hospital-north, school-concern", "police-east, contact-decision", "school-parkside, strategy-discussion",
        "hospital-north, cp-plan-started", "police-east, team-member-added", "school-parkside, consent-for-all",
        "hospital-north, adult-service-event", "adult-mh-county, domestic-abuse-notification"})
    void eachTypeIsRefusedForAnAgencyThatMayNotSendItAndNothingIsStored(String agency, String type) {
        String contactId = "CT-" + uuid();
        assertThat(gateway.submit(socialCare, Submissions.contact(contactId, nhsNumber)).status()).isEqualTo(201);
        String body = switch (type) {
            case "consent-for-all" -> Submissions.submission("CON-" + uuid(), "consent-recorded",
                    "2026-11-21T10:00:00Z", Submissions.subject(nhsNumber), "{\"status\":\"given\"}",
                    "\"scope\":\"all\",\"reason\":\"Discussed with the family\"");
            case "contact-decision" -> Submissions.decision("DEC-" + uuid(), nhsNumber,
                    "\"contactSourceRecordId\":\"" + contactId + "\"");
            case "strategy-discussion" -> Submissions.strategyDiscussion("SD-" + uuid(), nhsNumber, "s47-enquiry");
            case "team-member-added" -> Submissions.teamChange("TM-" + uuid(), nhsNumber, type, "police-east");
            case "adult-service-event" -> Submissions.adultServiceEvent("MH-" + uuid(),
                    Submissions.subject(nhsNumber));
            default -> Submissions.everyType(nhsNumber).stream().filter(each -> Submissions.typeOf(each).equals(type))
                    .findFirst().orElseThrow();
        };
        long eventsBefore = eventCount();
        long submissionsBefore = submissionCount();

        Answer answer = gateway.submit(KEYCLOAK.agencySystem(agency), body);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(403);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:childjourney:problem:submission-not-permitted");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(submissionCount()).isEqualTo(submissionsBefore);
    }

    @Test
    void theFrontDoorDecidesOnAPoliceNotificationByItsEntryId() {
        Answer notification = gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), nhsNumber));
        assertThat(notification.status()).isEqualTo(201);

        Answer decision = gateway.submit(socialCare, Submissions.decision("DEC-" + uuid(), nhsNumber,
                "\"contactEntryId\":\"" + notification.json().path("entryId").asText() + "\""));

        assertThat(decision.status()).as(decision.raw()).isEqualTo(201);
    }

    @Test
    void anEnquiryOutcomeNamesAStrategyDiscussionThatOpenedAnEnquiryStillOpen() {
        String noEnquiry = "SD-" + uuid();
        String enquiry = "SD-" + uuid();
        String contactId = "CT-" + uuid();
        assertThat(gateway.submit(socialCare, Submissions.strategyDiscussion(noEnquiry, nhsNumber, "child-in-need"))
                .status()).isEqualTo(201);
        assertThat(gateway.submit(socialCare, Submissions.strategyDiscussion(enquiry, nhsNumber, "s47-enquiry"))
                .status()).isEqualTo(201);
        assertThat(gateway.submit(socialCare, Submissions.contact(contactId, nhsNumber)).status()).isEqualTo(201);

        Answer closed = gateway.submit(socialCare, Submissions.enquiryOutcome("SO-" + uuid(), nhsNumber, enquiry));
        Answer again = gateway.submit(socialCare, Submissions.enquiryOutcome("SO-" + uuid(), nhsNumber, enquiry));
        Answer noneOpened = gateway.submit(socialCare, Submissions.enquiryOutcome("SO-" + uuid(), nhsNumber,
                noEnquiry));
        Answer notADiscussion = gateway.submit(socialCare, Submissions.enquiryOutcome("SO-" + uuid(), nhsNumber,
                contactId));

        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(noneOpened.status()).isEqualTo(409);
        assertThat(notADiscussion.status()).isEqualTo(400);
        assertThat(notADiscussion.json().path("errors").findValuesAsText("field"))
                .containsExactly("details.strategyDiscussionSourceRecordId");
    }

    @Test
    void idsAreRandomAndTheIdentifierTablesHoldOnlyKeyedDigests() {
        String localId = "P-FICTIONAL-" + uuid();
        Answer answer = gateway.submit(police, Submissions.domesticAbuseByLocalId("INC-" + uuid(), localId,
                nhsNumber));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);

        UUID journeyId = UUID.fromString(answer.json().path("journeyId").asText());
        UUID entryId = UUID.fromString(answer.json().path("entryId").asText());
        assertThat(List.of(journeyId.version(), entryId.version())).as("random (version 4) UUIDs").containsOnly(4);
        assertThat(journeyId).isNotEqualTo(UUID.nameUUIDFromBytes(nhsNumber.getBytes(StandardCharsets.UTF_8)));
        List<Map<String, Object>> identifiers = jdbc.sql("SELECT * FROM journey_identifier WHERE journey_id = ?")
                .param(journeyId).query().listOfRows();
        assertThat(identifiers).as("the NHS number's and the local id's digests").hasSize(2);
        for (Map<String, Object> row : identifiers) {
            assertThat(row.get("DIGEST") == null ? row.get("digest") : row.get("DIGEST")).asString()
                    .matches("[0-9a-f]{64}");
        }
        String everyLedgerValue = jdbc.sql("SELECT * FROM journey_identifier").query().listOfRows().toString()
                + jdbc.sql("SELECT * FROM intake_submission").query().listOfRows()
                + jdbc.sql("SELECT * FROM journey_ledger").query().listOfRows();
        assertThat(everyLedgerValue).doesNotContain(nhsNumber).doesNotContain(localId);
    }

    /** A token for an agency that may send the body's type: the police, health, a school, else social care. */
    private String senderOf(String body) {
        return switch (body.contains("\"type\":\"") ? Submissions.typeOf(body) : "") {
            case "domestic-abuse-notification" -> police;
            case "ae-attendance" -> hospital;
            case "school-concern" -> school;
            default -> socialCare;
        };
    }

    @Test
    void aBatchAnswersLineByLineAndABadLineNeverBlocksTheGoodOnes() {
        String good = Submissions.domesticAbuse("INC-" + uuid(), nhsNumber);
        String batch = String.join("\n", good, "{not json", Submissions.contact("CT-" + uuid(), nhsNumber)
                .replace("\"consent\"", "\"noConsent\""), good, Submissions.contact("CT-" + uuid(), nhsNumber));

        Answer answer = gateway.submitBatch(police, batch + "\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = answer.raw().lines().map(Submissions::parse).toList();
        assertThat(lines).extracting(line -> line.path("status").asInt()).containsExactly(201, 400, 400, 200, 201);
        assertThat(lines.get(2).path("errors").findValuesAsText("field")).contains("consent");
        assertThat(lines.get(3).path("entryId")).isEqualTo(lines.get(0).path("entryId"));
    }

    @Test
    void aHouseholdSubmissionRecordsAnEntryOnEveryChildsJourneyWithTheAdultsAroundThem() {
        String known = Submissions.freshNhsNumber();
        Answer earlier = gateway.submit(school, Submissions.schoolConcern("SC-" + uuid(), known));
        String body = Submissions.householdNotification("INC-" + uuid(), nhsNumber, known,
                Submissions.freshNhsNumber());

        Answer first = gateway.submit(police, body);
        Answer again = gateway.submit(police, body);
        Answer changed = gateway.submit(police, body.replace("\"riskLevel\":\"high\"", "\"riskLevel\":\"medium\""));

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        JsonNode journeys = first.json().path("journeys");
        assertThat(journeys).hasSize(3);
        assertThat(journeys.findValuesAsText("journeyId")).doesNotHaveDuplicates();
        assertThat(journeys.get(1).path("journeyId").asText()).as("a child the record knows keeps their journey")
                .isEqualTo(earlier.json().path("journeyId").asText());
        String reference = first.json().path("householdReference").asText();
        assertThat(UUID.fromString(reference)).isNotNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(changed.status()).isEqualTo(409);
        for (JsonNode child : journeys) {
            List<JourneyEntry> events = eventsOf(child.path("journeyId").asText());
            JourneyEntry entry = events.get(events.size() - 1);
            assertThat(entry.entryId().toString()).isEqualTo(child.path("entryId").asText());
            assertThat(entry.subject().household()).isNotNull();
            assertThat(entry.subject().household().reference().toString()).isEqualTo(reference);
            assertThat(entry.subject().household().children()).isEqualTo(3);
            assertThat(entry.subject().household().adults()).extracting(adult -> adult.relationship(),
                            adult -> adult.givenName().value())
                    .containsExactly(tuple(Relationship.MOTHER, "Amy"), tuple(Relationship.PARENTS_PARTNER, "Jordan"));
        }
        assertThat(eventsOf(journeys.get(1).path("journeyId").asText())).as("the school's entry and the police's")
                .hasSize(2);
    }

    @Test
    void aHouseholdNamingOneChildTwiceOrOfATypeAboutOneChildIsRefusedAndStoresNothing() {
        long eventsBefore = eventCount();
        long submissionsBefore = submissionCount();
        long identifiersBefore = identifierCount();

        Answer twice = gateway.submit(police, Submissions.householdNotification("INC-" + uuid(), nhsNumber,
                Submissions.freshNhsNumber(), nhsNumber));
        Answer oneChildsType = gateway.submit(school, Submissions.schoolConcern("SC-" + uuid(), nhsNumber)
                .replace("\"subject\":{", "\"subjects\":[{").replace("\"CB1 2AB\"}", "\"CB1 2AB\"}]"));
        Answer noChildren = gateway.submit(police, Submissions.householdNotification("INC-" + uuid()));
        Answer unknownRelationship = gateway.submit(police, Submissions.householdNotification("INC-" + uuid(),
                nhsNumber).replace("parents-partner", "lodger"));

        assertThat(twice.status()).as(twice.raw()).isEqualTo(400);
        assertThat(twice.json().path("errors").findValuesAsText("field")).containsExactly("subjects[2]");
        assertThat(oneChildsType.status()).as(oneChildsType.raw()).isEqualTo(400);
        assertThat(oneChildsType.json().path("errors").findValuesAsText("field")).containsExactly("subjects");
        assertThat(noChildren.json().path("errors").findValuesAsText("field")).containsExactly("subjects");
        assertThat(unknownRelationship.json().path("errors").findValuesAsText("field"))
                .containsExactly("adults[1].relationship");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(submissionCount()).isEqualTo(submissionsBefore);
        assertThat(identifierCount()).as("no identifier of a refused household was claimed")
                .isEqualTo(identifiersBefore);
    }

    @Test
    void oneChildsEntryOfAHouseholdIsAmendedByItsEntryIdNotByTheSharedRecordId() {
        String incident = "INC-" + uuid();
        String sibling = Submissions.freshNhsNumber();
        Answer household = gateway.submit(police, Submissions.householdNotification(incident, nhsNumber, sibling));
        JsonNode first = household.json().path("journeys").get(0);
        JsonNode second = household.json().path("journeys").get(1);

        Answer byRecordId = gateway.submit(police, Submissions.retraction("RET-" + uuid(), sibling, incident));
        Answer byEntryId = gateway.submit(police, byEntryId(Submissions.retraction("RET-" + uuid(), sibling,
                incident), incident, second));
        Answer byAnotherAgency = gateway.submit(school, byEntryId(Submissions.retraction("RET-" + uuid(),
                nhsNumber, incident), incident, first));

        assertThat(byRecordId.status()).isEqualTo(400);
        assertThat(byRecordId.json().path("errors").findValuesAsText("field"))
                .containsExactly("details.targetSourceRecordId");
        assertThat(byEntryId.status()).as(byEntryId.raw()).isEqualTo(201);
        assertThat(byEntryId.json().path("journeyId").asText()).as("the child's own journey")
                .isEqualTo(second.path("journeyId").asText());
        assertThat(byAnotherAgency.status()).as("only the recording agency amends an entry, and learns nothing of"
                + " another's").isEqualTo(400);
        assertThat(byAnotherAgency.json().path("errors").findValuesAsText("field"))
                .containsExactly("details.targetEntryId");
        assertThat(eventsOf(first.path("journeyId").asText())).hasSize(1);
    }

    /** An amendment naming its target by entry id instead of by the agency's record id. */
    private static String byEntryId(String amendment, String sourceRecordId, JsonNode target) {
        return amendment.replace("\"targetSourceRecordId\":\"" + sourceRecordId + "\"",
                "\"targetEntryId\":\"" + target.path("entryId").asText() + "\"");
    }

    @Test
    void aBatchAnswersAHouseholdOnOneLine() {
        String household = Submissions.householdNotification("INC-" + uuid(), nhsNumber, Submissions.freshNhsNumber());

        Answer answer = gateway.submitBatch(police, household + "\n" + household + "\n");

        List<JsonNode> lines = answer.raw().lines().map(Submissions::parse).toList();
        assertThat(lines).extracting(line -> line.path("status").asInt()).containsExactly(201, 200);
        assertThat(lines.get(0).path("journeys")).hasSize(2);
        assertThat(lines.get(0).path("householdReference").asText()).isNotBlank();
        assertThat(lines.get(1).path("journeys")).isEqualTo(lines.get(0).path("journeys"));
    }

    @Test
    void aBatchIsRecordedInOneTransactionWhoseLinesSeeTheOnesBeforeThem() {
        String other = Submissions.freshNhsNumber();
        gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), nhsNumber));
        gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), other));
        String first = Submissions.domesticAbuse("INC-" + uuid(), nhsNumber);
        String batch = String.join("\n", first, Submissions.domesticAbuse("INC-" + uuid(), other),
                first.replace("\"riskLevel\":\"high\"", "\"riskLevel\":\"medium\""), first,
                Submissions.domesticAbuse("INC-" + uuid(), nhsNumber));
        double committed = batchTransactions("committed");
        double redone = batchTransactions("redone");

        Answer answer = gateway.submitBatch(police, batch);

        List<JsonNode> lines = answer.raw().lines().map(Submissions::parse).toList();
        assertThat(lines).as(answer.raw()).extracting(line -> line.path("status").asInt())
                .containsExactly(201, 201, 409, 200, 201);
        String journeyId = lines.get(0).path("journeyId").asText();
        assertThat(lines.get(3).path("entryId")).as("the resend, answered from the line before it")
                .isEqualTo(lines.get(0).path("entryId"));
        assertThat(eventsOf(journeyId)).extracting(entry -> entry.entryId().toString()).hasSize(3)
                .endsWith(lines.get(0).path("entryId").asText(), lines.get(4).path("entryId").asText());
        assertThat(batchTransactions("committed") - committed).as("one commit for the batch").isEqualTo(1);
        assertThat(batchTransactions("redone")).as("refusals before a line writes end nothing").isEqualTo(redone);
    }

    @Test
    void aNewChildAHouseholdOrAnAmendmentInABatchStartsTheNextTransactionSoThatItWaitsHoldingNoOtherLock() {
        gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), nhsNumber));
        String incident = "INC-" + uuid();
        String batch = String.join("\n", Submissions.domesticAbuse("INC-" + uuid(), Submissions.freshNhsNumber()),
                Submissions.domesticAbuse(incident, nhsNumber),
                Submissions.domesticAbuse("INC-" + uuid(), Submissions.freshNhsNumber()),
                Submissions.householdNotification("INC-" + uuid(), nhsNumber, Submissions.freshNhsNumber()),
                Submissions.retraction("RET-" + uuid(), nhsNumber, incident));
        double committed = batchTransactions("committed");

        Answer answer = gateway.submitBatch(police, batch);

        assertThat(answer.raw().lines().map(Submissions::parse)).as(answer.raw())
                .extracting(line -> line.path("status").asInt()).containsExactly(201, 201, 201, 201, 201);
        assertThat(batchTransactions("committed") - committed).as("the known child joins the new child's"
                + " transaction; the second new child, the household and the retraction each start one").isEqualTo(4);
    }

    @Test
    void linesRefusedInTheirTransactionAreRefusedAloneAndNothingOfThemIsKept() {
        String other = Submissions.freshNhsNumber();
        gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), other));
        String twice = Submissions.freshNhsNumber();
        String batch = String.join("\n", Submissions.domesticAbuse("INC-" + uuid(), other),
                Submissions.retraction("RET-" + uuid(), other, "INC-" + uuid()),
                Submissions.domesticAbuse("INC-" + uuid(), other),
                Submissions.householdNotification("INC-" + uuid(), twice, twice));
        long eventsBefore = eventCount();
        long identifiersBefore = identifierCount();
        double redone = batchTransactions("redone");

        Answer answer = gateway.submitBatch(police, batch);

        List<JsonNode> lines = answer.raw().lines().map(Submissions::parse).toList();
        assertThat(lines).as(answer.raw()).extracting(line -> line.path("status").asInt())
                .containsExactly(201, 400, 201, 400);
        assertThat(lines.get(1).path("errors").findValuesAsText("field"))
                .containsExactly("details.targetSourceRecordId");
        assertThat(lines.get(3).path("errors").findValuesAsText("field")).containsExactly("subjects[1]");
        assertThat(eventsOf(lines.get(0).path("journeyId").asText())).extracting(entry -> entry.entryId().toString())
                .hasSize(3).endsWith(lines.get(0).path("entryId").asText(), lines.get(2).path("entryId").asText());
        assertThat(eventCount()).isEqualTo(eventsBefore + 2);
        assertThat(identifierCount()).as("the household claimed its child's number, and that rolled back")
                .isEqualTo(identifiersBefore);
        assertThat(batchTransactions("redone") - redone).as("each refusal's transaction, redone alone").isEqualTo(2);
    }

    @Test
    void aRaceLostInsideABatchsSharedTransactionRedoesEachOfItsLinesOnce() throws Exception {
        String other = Submissions.freshNhsNumber();
        String journeyId = gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), nhsNumber)).json()
                .path("journeyId").asText();
        String otherJourney = gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), other)).json()
                .path("journeyId").asText();
        String contested = "INC-" + uuid();
        String batch = String.join("\n", Submissions.domesticAbuse("INC-" + uuid(), nhsNumber),
                Submissions.domesticAbuse(contested, other));
        long eventsBefore = eventCount();
        double collisions = batchTransactions("redone", "collision");
        CountDownLatch taken = new CountDownLatch(1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            // Another transaction takes the second line's source record id first, and commits once the batch's
            // shared transaction, having written both lines, waits on that key.
            Future<?> rival = threads.submit(() -> transaction.executeWithoutResult(status -> {
                ledger.take(AgencyCode.of("police-east"), contested, "0".repeat(64),
                        EntryType.DOMESTIC_ABUSE_NOTIFICATION, new ChildJourneyId(UUID.fromString(otherJourney)),
                        new EntryId(UUID.randomUUID()), Instant.parse("2026-11-22T08:00:00Z"), null);
                taken.countDown();
                // Polled on this thread: the query must run in this transaction's session.
                await().atMost(Duration.ofSeconds(8)).pollInSameThread()
                        .until(() -> sessionsWaitingToTakeASubmission() > 0);
            }));
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

            Answer answer = gateway.submitBatch(police, batch);
            rival.get(10, TimeUnit.SECONDS);

            List<JsonNode> lines = answer.raw().lines().map(Submissions::parse).toList();
            assertThat(lines).as(answer.raw()).extracting(line -> line.path("status").asInt())
                    .containsExactly(201, 409);
            assertThat(eventsOf(journeyId)).extracting(entry -> entry.entryId().toString()).hasSize(2)
                    .endsWith(lines.get(0).path("entryId").asText());
            assertThat(eventCount()).as("the first line once; nothing of the second").isEqualTo(eventsBefore + 1);
            assertThat(batchTransactions("redone", "collision") - collisions).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchCommitsWhatItRecordedBeforeWaitingForAChildLockedByAnotherTransaction() throws Exception {
        String known = gateway.submit(police, Submissions.domesticAbuse("INC-" + uuid(), nhsNumber)).json()
                .path("journeyId").asText();
        String first = "INC-" + uuid();
        String batch = String.join("\n", Submissions.domesticAbuse(first, Submissions.freshNhsNumber()),
                Submissions.domesticAbuse("INC-" + uuid(), nhsNumber));
        double committed = batchTransactions("committed");
        CountDownLatch locked = new CountDownLatch(1);
        AtomicBoolean firstCommittedMeanwhile = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = threads.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("SELECT journey_id FROM journey_ledger WHERE journey_id = ? FOR UPDATE")
                        .param(UUID.fromString(known)).query().listOfRows();
                locked.countDown();
                // Held until the batch's first line is seen committed, or for long enough to tell it never will be
                // (within the lock timeout of each store the scenarios run on, so the batch's wait never times out).
                try {
                    await().atMost(Duration.ofSeconds(8)).until(() -> jdbc.sql("SELECT COUNT(*) FROM"
                            + " intake_submission WHERE source_record_id = ?").param(first).query(Long.class)
                            .single() == 1);
                    firstCommittedMeanwhile.set(true);
                } catch (ConditionTimeoutException neverWhileHeld) {
                    // the flag stays false, and the assertion below says why
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Answer> answer = threads.submit(() -> gateway.submitBatch(police, batch));

            holder.get(20, TimeUnit.SECONDS);
            List<JsonNode> lines = answer.get(20, TimeUnit.SECONDS).raw().lines().map(Submissions::parse).toList();

            assertThat(firstCommittedMeanwhile).as("the line before the locked child's committed while it waited")
                    .isTrue();
            assertThat(lines).extracting(line -> line.path("status").asInt()).containsExactly(201, 201);
            assertThat(lines.get(1).path("journeyId").asText()).isEqualTo(known);
            assertThat(batchTransactions("committed") - committed).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * How many other sessions wait to insert a submission into the ledger. On H2, which names no blocker for a wait on
     * another transaction's uncommitted key, those executing that insert, which takes microseconds unless it waits;
     * {@link SubmissionOnPostgresIT} asks PostgreSQL for the sessions this one blocks.
     */
    long sessionsWaitingToTakeASubmission() {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                + " AND EXECUTING_STATEMENT LIKE 'INSERT INTO intake_submission%'").query(Long.class).single();
    }

    /** The gateway's batch transactions so far with this outcome, of any cause, or of the one named. */
    private double batchTransactions(String outcome, String... cause) {
        return meters.find("childjourney.submission.batch.transactions").tag("outcome", outcome)
                .tags(cause.length == 0 ? Tags.empty() : Tags.of("cause", cause[0])).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void anAdultServiceTellsOfAParentOnEachChildItNamesOrOnAHouseholdsAlwaysSensitiveAndWithoutClinicalDetail() {
        String sibling = Submissions.freshNhsNumber();
        Answer household = gateway.submit(police, Submissions.householdNotification("INC-" + uuid(), nhsNumber,
                sibling));
        String reference = household.json().path("householdReference").asText();
        List<String> children = household.json().path("journeys").findValuesAsText("journeyId");

        Answer byChildren = gateway.submit(mentalHealth, Submissions.adultServiceEvent("MH-" + uuid(),
                "\"subjects\":[{\"nhsNumber\":\"" + nhsNumber + "\"},{\"nhsNumber\":\"" + sibling + "\"}]"));
        Answer byHousehold = gateway.submit(mentalHealth, Submissions.adultServiceEvent("MH-" + uuid(),
                "\"householdReference\":\"" + reference + "\""));
        long before = eventCount();
        Answer unknown = gateway.submit(mentalHealth, Submissions.adultServiceEvent("MH-" + uuid(),
                "\"householdReference\":\"" + UUID.randomUUID() + "\""));
        Answer both = gateway.submit(mentalHealth, Submissions.adultServiceEvent("MH-" + uuid(),
                "\"householdReference\":\"" + reference + "\"," + Submissions.subject(nhsNumber)));
        Answer contactByReference = gateway.submit(school, Submissions.contact("CT-" + uuid(), nhsNumber)
                .replace(Submissions.subject(nhsNumber), "\"householdReference\":\"" + reference + "\""));

        assertThat(byChildren.status()).as(byChildren.raw()).isEqualTo(201);
        assertThat(byChildren.json().path("journeys").findValuesAsText("journeyId")).isEqualTo(children);
        assertThat(byHousehold.status()).as(byHousehold.raw()).isEqualTo(201);
        assertThat(byHousehold.json().path("journeys").findValuesAsText("journeyId")).isEqualTo(children);
        assertThat(byHousehold.json().path("householdReference").asText()).isEqualTo(reference);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsText("field")).containsExactly("householdReference");
        assertThat(both.status()).isEqualTo(400);
        assertThat(contactByReference.status()).as("a reference seen on a timeline is no pass to write on every"
                + " child of a household").isEqualTo(400);
        assertThat(contactByReference.json().path("errors").findValuesAsText("field"))
                .containsExactly("householdReference");
        assertThat(eventCount()).isEqualTo(before);
        for (String child : children) {
            List<JourneyEntry> events = eventsOf(child);
            assertThat(events).hasSize(3);
            assertThat(events.subList(1, 3)).allSatisfy(event -> {
                AdultServiceEventRecorded told = (AdultServiceEventRecorded) event;
                assertThat(told.event()).isEqualTo(AdultServiceEventKind.MENTAL_HEALTH_CRISIS);
                assertThat(told.adult()).isEqualTo(Relationship.MOTHER);
                assertThat(told.provenance().sensitivity()).as("whatever the service said")
                        .isEqualTo(Sensitivity.ADULT_SERVICES_PARENT);
            });
            assertThat(events.get(1).subject().household().reference().toString())
                    .isEqualTo(byChildren.json().path("householdReference").asText());
            assertThat(events.get(2).subject().household().reference().toString()).isEqualTo(reference);
            assertThat(jdbc.sql("SELECT payload, payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                    .param(child)
                    .query((rs, row) -> new String(new JourneyCipher().inClear(rs.getBytes(1), rs.getString(2), keys),
                            StandardCharsets.UTF_8)).list())
                    .as("the adult's clinical detail is stored nowhere")
                    .noneMatch(payload -> payload.contains(Submissions.CLINICAL_DETAIL));
        }
    }

    @Test
    void aChildWhoseIdentifiersMatchNoJourneyIsFoundByNameDateOfBirthAndPostcode() {
        String given = Submissions.freshName();
        String family = Submissions.freshName();
        Answer bySchool = knownBySchool(given, family, "2015-06-20", "ZZ1 1AA");

        Answer byPolice = knownByPolice(family.toUpperCase(), given, "2015-06-20", "zz11aa");
        Answer byPoliceAgain = knownByPolice(given, family, "2015-06-20", "ZZ1 9ZZ");

        assertThat(byPolice.status()).as(byPolice.raw()).isEqualTo(201);
        assertThat(byPolice.json().path("journeyId")).as("names swapped, written otherwise: the same child")
                .isEqualTo(bySchool.json().path("journeyId"));
        assertThat(byPoliceAgain.json().path("journeyId")).as("moved within the district: the same child")
                .isEqualTo(bySchool.json().path("journeyId"));
        assertThat(eventStore.readEvents(bySchool.json().path("journeyId").asText()).asStream()
                .map(message -> message.getPayload().getClass().getSimpleName()))
                .containsExactly("SchoolConcernRaised", "DomesticAbuseNotified", "DomesticAbuseNotified");
        assertThat(jdbc.sql("SELECT digest FROM journey_feature WHERE journey_id = ?")
                .param(UUID.fromString(bySchool.json().path("journeyId").asText())).query(String.class).list())
                .as("features are kept as keyed digests, never as names").isNotEmpty()
                .allMatch(digest -> digest.matches("[0-9a-f]{64}"));
    }

    @Test
    void anNhsNumberFirstSeenOnAMatchByDemographicsLeadsToThatJourneyAfterwards() {
        String family = Submissions.freshName();
        Answer bySchool = knownBySchool("Kofi", family, "2016-04-02", "CB1 2AB");
        Answer byHospital = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber)
                .replace("\"givenName\":\"Amy\",\"familyName\":\"Example\"", "\"givenName\":\"Kofi\","
                        + "\"familyName\":\"" + family + "\""));

        Answer byNhsNumberAlone = gateway.submit(police, Submissions.domesticAbuseByLocalId("INC-" + uuid(),
                "P-" + uuid(), nhsNumber));

        assertThat(byHospital.json().path("journeyId")).isEqualTo(bySchool.json().path("journeyId"));
        assertThat(byNhsNumberAlone.json().path("journeyId")).as("the NHS number was claimed for the journey")
                .isEqualTo(bySchool.json().path("journeyId"));
    }

    @Test
    void journeysRecordedBeforeFeaturesWereKeptAreFoundByDemographicsOnceTheLedgerIsMigrated() {
        String given = Submissions.freshName();
        String family = Submissions.freshName();
        Answer bySchool = knownBySchool(given, family, "2014-03-09", "ZZ2 2BB");
        jdbc.sql("DELETE FROM journey_feature").update();
        owner().sql("DELETE FROM intake_migration WHERE name = ?").param(IdentifierMigration.FEATURES).update();

        migration.afterSingletonsInstantiated();
        Answer byPolice = knownByPolice(given, family, "2014-03-09", "ZZ2 2BB");

        assertThat(byPolice.json().path("journeyId")).isEqualTo(bySchool.json().path("journeyId"));
    }

    @Test
    void aLookalikeOpensAProvisionalJourneyWithATaskForTheHubThatSaysWhyNeverWho() {
        String family = Submissions.freshName();
        Answer bySchool = knownBySchool("Kofi", family, "2015-06-20", "ZZ1 1AA");

        Answer byPolice = knownByPolice("Tamsin", family, "2015-06-20", "ZZ1 1AA");

        assertThat(byPolice.status()).as(byPolice.raw()).isEqualTo(201);
        String provisional = byPolice.json().path("journeyId").asText();
        assertThat(provisional).isNotEqualTo(bySchool.json().path("journeyId").asText());
        List<Object> events = eventStore.readEvents(provisional).asStream().map(message -> message.getPayload())
                .map(Object.class::cast).toList();
        assertThat(events).hasSize(2);
        PossibleDuplicateRaised task = (PossibleDuplicateRaised) events.get(1);
        assertThat(task.otherJourneyId().toString()).isEqualTo(bySchool.json().path("journeyId").asText());
        assertThat(task.reason()).isEqualTo(DuplicateReason.DEMOGRAPHICS_ALIKE);
        assertThat(task.score()).isEqualTo(6.0);
        assertThat(task.reasons()).containsExactly("same date of birth", "different given name", "same family name",
                "same postcode");
        assertThat(eventStore.readEvents(bySchool.json().path("journeyId").asText()).asStream()
                .map(message -> message.getPayload())).as("the other journey holds the task too")
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(PossibleDuplicateRaised.class,
                        onOther -> {
                            assertThat(onOther.taskId()).isEqualTo(task.taskId());
                            assertThat(onOther.otherJourneyId().toString()).isEqualTo(provisional);
                        }));
    }

    @Test
    void twoChildrenOfOneNameAndBirthdayAreTheHubsToTellApartNeverTheFirstFound() {
        String given = Submissions.freshName();
        String family = Submissions.freshName();
        Answer inOnePostcode = knownBySchool(given, family, "2013-01-30", "ZZ3 1AA");
        Answer inAnother = knownByPolice(given, family, "2013-01-30", "ZZ4 1AA");
        assertThat(inAnother.json().path("journeyId")).as("another postcode: not the same child for sure")
                .isNotEqualTo(inOnePostcode.json().path("journeyId"));

        Answer withoutPostcode = knownByPolice(given, family, "2013-01-30", null);

        String provisional = withoutPostcode.json().path("journeyId").asText();
        assertThat(provisional).isNotIn(inOnePostcode.json().path("journeyId").asText(),
                inAnother.json().path("journeyId").asText());
        assertThat(eventStore.readEvents(provisional).asStream().map(message -> message.getPayload()))
                .anySatisfy(event -> assertThat(event).isInstanceOf(PossibleDuplicateRaised.class));
    }

    @Test
    void anEntrySentWithAnotherChildsNhsNumberDoesNotMakeThatChildsJourneyMatchThisChild() {
        String family = Submissions.freshName();
        Answer first = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber)
                .replace("\"givenName\":\"Amy\",\"familyName\":\"Example\"", "\"givenName\":\"Kofi\","
                        + "\"familyName\":\"" + family + "\""));
        String otherChild = Submissions.freshName();
        gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber)
                .replace("\"givenName\":\"Amy\",\"familyName\":\"Example\"", "\"givenName\":\"Tamsin\","
                        + "\"familyName\":\"" + otherChild + "\"").replace("2016-04-02", "2011-11-11"));

        Answer byPolice = knownByPolice("Tamsin", otherChild, "2011-11-11", "CB1 2AB");

        assertThat(byPolice.json().path("journeyId")).as("the other child's description was not kept on the journey")
                .isNotEqualTo(first.json().path("journeyId"));
    }

    @Test
    void anNhsNumberAndALocalIdOnTwoJourneysGoToTheNhsNumbersWithATaskForTheHub() {
        String localId = "P-" + uuid();
        Answer byLocalId = gateway.submit(police, Submissions.domesticAbuseByLocalId("INC-" + uuid(), localId, null));
        Answer byNhsNumber = gateway.submit(hospital, Submissions.aeAttendance("AE-" + uuid(), nhsNumber));

        Answer both = gateway.submit(police, Submissions.domesticAbuseByLocalId("INC-" + uuid(), localId, nhsNumber));

        assertThat(both.status()).as(both.raw()).isEqualTo(201);
        assertThat(both.json().path("journeyId")).isEqualTo(byNhsNumber.json().path("journeyId"));
        List<Object> events = eventStore.readEvents(both.json().path("journeyId").asText()).asStream()
                .map(message -> message.getPayload()).map(Object.class::cast).toList();
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(PossibleDuplicateRaised.class, task -> {
            assertThat(task.otherJourneyId().toString()).isEqualTo(byLocalId.json().path("journeyId").asText());
            assertThat(task.reason()).isEqualTo(DuplicateReason.IDENTIFIERS_DISAGREE);
        });
    }

    /** A school's concern about a child it knows by pupil number, names, date of birth and postcode only. */
    private Answer knownBySchool(String given, String family, String born, String postcode) {
        return gateway.submit(school, Submissions.schoolConcernAbout("SC-" + uuid(), Submissions.personByLocalId(
                "school-parkside/upn", "UPN-" + uuid(), given, family, born, postcode)));
    }

    /** A police notification about a child it knows by its own person id and demographics only. */
    private Answer knownByPolice(String given, String family, String born, String postcode) {
        return gateway.submit(police, Submissions.domesticAbuseAbout("INC-" + uuid(), Submissions.personByLocalId(
                "police-east/person", "P-" + uuid(), given, family, born, postcode)));
    }

    /** Whatever a scenario did, the gateway's output (its logs) holds none of the test child's data. */
    @AfterEach
    void nothingOfTheChildReachedTheLogs(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(nhsNumber).doesNotContain(Submissions.PERSONAL_DATA);
    }

    List<JourneyEntry> eventsOf(String journeyId) {
        return eventStore.readEvents(journeyId).asStream().map(message -> (JourneyEntry) message.getPayload())
                .toList();
    }

    long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    long submissionCount() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_submission").query(Long.class).single();
    }

    long identifierCount() {
        return jdbc.sql("SELECT COUNT(*) FROM journey_identifier").query(Long.class).single();
    }

    static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

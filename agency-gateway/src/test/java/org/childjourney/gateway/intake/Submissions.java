package org.childjourney.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.junit.jupiter.params.provider.Arguments;

/** Fictional submission bodies in the shape of the public contract. */
final class Submissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The test child's personal data and the agencies' free text in these bodies: none may reach a log or an error. */
    static final String[] PERSONAL_DATA = {"Amy", "Example", "2016-04-02", "CB1 2AB",
        "Fall from climbing frame", "Seeking consent would alert the adult", "Withdrawn in class all week",
        "Spoke with the family", "Repeated concerns from school and police", "Pattern across agencies", "Jordan",
        "Fictional", Submissions.CLINICAL_DETAIL};
    /** What an adult service's system may hold about a parent, and must never pass on. */
    static final String CLINICAL_DETAIL = "Fictional clinical detail";
    /** The invalid values {@link #invalid()} sends: an error names the field and the rule, never the value. */
    static final String[] INVALID_VALUES = {"9990000019", "999000001", "last night", "02/04/2016", "gossip", "severe",
        "NO-SUCH-CONTACT", "neighbours", "secret", "rumour", "maybe", "2999-01-01", "1899-12-31", "2999-04-02",
        "1850-04-02"};

    private Submissions() {
    }

    /** A fresh fictional NHS number, so that every test has its own child. */
    static String freshNhsNumber() {
        return FictionalNhsNumbers.next();
    }

    static String subject(String nhsNumber) {
        return "\"subject\":{\"nhsNumber\":\"" + nhsNumber + "\",\"givenName\":\"Amy\",\"familyName\":\"Example\","
                + "\"dateOfBirth\":\"2016-04-02\",\"postcode\":\"CB1 2AB\"}";
    }

    static String submission(String sourceRecordId, String type, String occurredAt, String subject, String consent,
            String details) {
        return "{\"sourceRecordId\":\"" + sourceRecordId + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + occurredAt + "\"," + subject + (consent == null ? "" : ",\"consent\":" + consent)
                + ",\"details\":{" + details + "}}";
    }

    static String aeAttendance(String id, String nhs) {
        return submission(id, "ae-attendance", "2026-11-18T10:00:00Z", subject(nhs), null,
                "\"site\":\"North General ED\",\"presentingComplaint\":\"Fall from climbing frame\",\"injury\":true,"
                        + "\"dischargedAt\":\"2026-11-18T14:30:00Z\"");
    }

    static String domesticAbuse(String id, String nhs) {
        return submission(id, "domestic-abuse-notification", "2026-11-20T21:14:00Z", subject(nhs),
                "{\"status\":\"not-sought-prejudicial\",\"reason\":\"Seeking consent would alert the adult\"}",
                "\"incidentReference\":\"" + id + "\",\"childPresent\":true,\"riskLevel\":\"high\",\"notifySchool\":true");
    }

    static String domesticAbuseByLocalId(String id, String localId, String nhs) {
        String subject = "\"subject\":{" + (nhs == null ? "" : "\"nhsNumber\":\"" + nhs + "\",")
                + "\"localId\":{\"system\":\"police-east/person\",\"value\":\"" + localId + "\"}}";
        return submission(id, "domestic-abuse-notification", "2026-11-20T21:14:00Z", subject, null,
                "\"incidentReference\":\"" + id + "\",\"childPresent\":false,\"riskLevel\":\"standard\"");
    }

    /**
     * A police notification about every child of a household (each by NHS number), with the mother and her new
     * partner.
     */
    static String householdNotification(String id, String... nhsNumbers) {
        String subjects = String.join(",", Arrays.stream(nhsNumbers)
                .map(nhs -> "{\"nhsNumber\":\"" + nhs + "\",\"familyName\":\"Example\"}").toList());
        return submission(id, "domestic-abuse-notification", "2026-11-20T21:14:00Z", "\"subjects\":[" + subjects
                + "],\"adults\":[{\"givenName\":\"Amy\",\"familyName\":\"Example\",\"relationship\":\"mother\"},"
                + "{\"givenName\":\"Jordan\",\"familyName\":\"Fictional\",\"relationship\":\"parents-partner\"}]",
                "{\"status\":\"not-sought-prejudicial\",\"reason\":\"Seeking consent would alert the adult\"}",
                "\"incidentReference\":\"" + id + "\",\"childPresent\":true,\"riskLevel\":\"high\"");
    }

    /**
     * A mental health service's event about a children's mother, which its system sends with clinical detail the
     * record must not keep, and says is of no sensitivity.
     *
     * @param children how it names the children: {@code "subject":…}, {@code "subjects":[…]} or
     *                 {@code "householdReference":…}
     */
    static String adultServiceEvent(String id, String children) {
        return submission(id, "adult-service-event", "2026-11-23T02:30:00Z", "\"sensitivity\":\"none\"," + children,
                null, "\"event\":\"mental-health-crisis\",\"adult\":\"mother\",\"clinicalNotes\":\""
                        + CLINICAL_DETAIL + "\"");
    }

    /**
     * A subject known by a local id and demographics only, as an agency without the NHS number sends it.
     *
     * @param system   a local id system of the sending agency
     * @param postcode none, if {@code null}
     */
    static String personByLocalId(String system, String value, String given, String family, String born,
            String postcode) {
        return "\"subject\":{\"localId\":{\"system\":\"" + system + "\",\"value\":\"" + value + "\"},"
                + "\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\",\"dateOfBirth\":\"" + born
                + "\"" + (postcode == null ? "" : ",\"postcode\":\"" + postcode + "\"") + "}";
    }

    /** A school's concern about the subject given. */
    static String schoolConcernAbout(String id, String subject) {
        return submission(id, "school-concern", "2026-11-19T15:00:00Z", subject, null,
                "\"category\":\"emotional-abuse\",\"description\":\"Withdrawn in class all week\","
                        + "\"actionTaken\":\"Spoke with the family\"");
    }

    /** A police notification about the subject given. */
    static String domesticAbuseAbout(String id, String subject) {
        return submission(id, "domestic-abuse-notification", "2026-11-20T21:14:00Z", subject,
                "{\"status\":\"not-sought-prejudicial\",\"reason\":\"Seeking consent would alert the adult\"}",
                "\"incidentReference\":\"" + id + "\",\"childPresent\":true,\"riskLevel\":\"high\"");
    }

    /**
     * A date of birth in the 2010s, random: with {@link #freshName}s, a child no other test's is like. Fresh names
     * alone often sound alike (their letters are few), and children born the same day with names that sound alike are
     * possible duplicates for the hub.
     */
    static String freshDateOfBirth() {
        return LocalDate.of(2010, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650)).toString();
    }

    /** A fictional name no other test uses: letters only, capitalised. */
    static String freshName() {
        String letters = UUID.randomUUID().toString().replace("-", "").substring(0, 10).chars()
                .mapToObj(digit -> String.valueOf((char) ('a' + Character.digit(digit, 16))))
                .reduce("", String::concat);
        return "Q" + letters;
    }

    static String schoolConcern(String id, String nhs) {
        return submission(id, "school-concern", "2026-11-19T15:00:00Z", subject(nhs), null,
                "\"category\":\"emotional-abuse\",\"description\":\"Withdrawn in class all week\","
                        + "\"actionTaken\":\"Spoke with the family\"");
    }

    static String contact(String id, String nhs) {
        return submission(id, "contact", "2026-11-21T08:30:00Z", subject(nhs), "{\"status\":\"given\"}",
                "\"reason\":\"Repeated concerns from school and police\",\"category\":\"domestic-abuse\"");
    }

    /** A contact about a child known to the sender by a local id of this system only. */
    static String contactByLocalId(String id, String system, String value) {
        return submission(id, "contact", "2026-11-21T08:30:00Z",
                "\"subject\":{\"localId\":{\"system\":\"" + system + "\",\"value\":\"" + value + "\"}}",
                "{\"status\":\"given\"}", "\"reason\":\"Repeated concerns from school and police\","
                        + "\"category\":\"domestic-abuse\"");
    }

    static String decision(String id, String nhs, String reference) {
        return submission(id, "contact-decision", "2026-11-21T12:00:00Z", subject(nhs), null,
                reference + ",\"decision\":\"referral\",\"rationale\":\"Pattern across agencies\"");
    }

    static String correction(String id, String nhs, String target, String correctedDetails) {
        return submission(id, "entry-corrected", "2026-11-22T09:00:00Z", subject(nhs), null,
                "\"targetSourceRecordId\":\"" + target + "\",\"reason\":\"Wrong category recorded\","
                        + "\"correctedDetails\":" + correctedDetails);
    }

    static String retraction(String id, String nhs, String target) {
        return submission(id, "entry-retracted", "2026-11-22T09:30:00Z", subject(nhs), null,
                "\"targetSourceRecordId\":\"" + target + "\",\"reason\":\"Recorded against the wrong child\"");
    }

    static String strategyDiscussion(String id, String nhs, String decision) {
        return submission(id, "strategy-discussion", "2026-11-22T11:00:00Z", subject(nhs), null,
                "\"decision\":\"" + decision + "\",\"participants\":[\"police-east\"],"
                        + "\"rationale\":\"Unexplained injury and police intelligence\"");
    }

    static String enquiryOutcome(String id, String nhs, String discussionId) {
        return submission(id, "s47-outcome", "2026-11-29T11:00:00Z", subject(nhs), null,
                "\"strategyDiscussionSourceRecordId\":\"" + discussionId + "\","
                        + "\"outcome\":\"child-protection-conference\",\"rationale\":\"Concerns substantiated\"");
    }

    static String teamChange(String id, String nhs, String type, String agency) {
        return submission(id, type, "2026-11-23T11:00:00Z", subject(nhs), null,
                "\"agency\":\"" + agency + "\",\"role\":\"core-group\",\"practitioner\":\"dsl.dan\"");
    }

    /** One submission of each type the contract lists, about one child, each to be sent by an agency that may. */
    static List<String> everyType(String nhs) {
        String contactId = "CT-" + UUID.randomUUID();
        String planId = "CP-" + UUID.randomUUID();
        String discussionId = "SD-" + UUID.randomUUID();
        return List.of(
                contact(contactId, nhs),
                decision("DEC-" + UUID.randomUUID(), nhs, "\"contactSourceRecordId\":\"" + contactId + "\""),
                aeAttendance("AE-" + UUID.randomUUID(), nhs),
                domesticAbuse("INC-" + UUID.randomUUID(), nhs),
                schoolConcern("SC-" + UUID.randomUUID(), nhs),
                submission(planId, "cp-plan-started", "2026-11-23T10:00:00Z", subject(nhs), null,
                        "\"category\":\"neglect\""),
                submission("CPE-" + UUID.randomUUID(), "cp-plan-ended", "2026-11-24T10:00:00Z", subject(nhs), null,
                        "\"category\":\"neglect\""),
                submission("INV-" + UUID.randomUUID(), "involvement-started", "2026-11-21T09:00:00Z", subject(nhs),
                        null, "\"role\":\"allocated-social-worker\""),
                submission("INE-" + UUID.randomUUID(), "involvement-ended", "2026-11-25T09:00:00Z", subject(nhs),
                        null, "\"role\":\"allocated-social-worker\""),
                correction("COR-" + UUID.randomUUID(), nhs, planId, "{\"category\":\"emotional-abuse\"}"),
                retraction("RET-" + UUID.randomUUID(), nhs, planId),
                submission("CON-" + UUID.randomUUID(), "consent-recorded", "2026-11-21T10:00:00Z", subject(nhs),
                        "{\"status\":\"refused\",\"reason\":\"Family declined a s.17 service\"}",
                        "\"scope\":\"all\",\"reason\":\"Discussed at home visit\""),
                submission("CWD-" + UUID.randomUUID(), "consent-withdrawn", "2026-11-22T10:00:00Z", subject(nhs),
                        null, "\"scope\":\"EDUCATION\",\"reason\":\"Parent asked us to stop sharing with school\""),
                strategyDiscussion(discussionId, nhs, "s47-enquiry"),
                enquiryOutcome("SO-" + UUID.randomUUID(), nhs, discussionId),
                teamChange("TMA-" + UUID.randomUUID(), nhs, "team-member-added", "school-parkside"),
                teamChange("TMR-" + UUID.randomUUID(), nhs, "team-member-removed", "school-parkside"));
    }

    /** The type a submission's body names. */
    static String typeOf(String body) {
        return parse(body).path("type").asText();
    }

    /** Invalid submissions: why, the body ({@code ${nhs}} stands for a valid NHS number), a field it names. */
    static Stream<Arguments> invalid() {
        String nhs = "${nhs}";
        String da = domesticAbuse("INC-X", nhs);
        return Stream.of(
                Arguments.of("not an object", "[1,2]", "$"),
                Arguments.of("no source record id", da.replace("\"sourceRecordId\":\"INC-X\",", ""), "sourceRecordId"),
                Arguments.of("unknown type", da.replace("domestic-abuse-notification", "rumour"), "type"),
                Arguments.of("occurred at is not an instant", da.replace("2026-11-20T21:14:00Z", "last night"),
                        "occurredAt"),
                Arguments.of("no subject", submission("X", "school-concern", "2026-11-19T15:00:00Z",
                        "\"subject\":null", null, "\"category\":\"neglect\",\"description\":\"d\",\"actionTaken\":\"a\""),
                        "subject"),
                Arguments.of("subject with no identifier", da.replace(subject(nhs), "\"subject\":{\"givenName\":\"Amy\"}"),
                        "subject"),
                Arguments.of("NHS number fails the modulus 11 check", da.replace(nhs, "9990000019"), "subject.nhsNumber"),
                Arguments.of("NHS number too short", da.replace(nhs, "999000001"), "subject.nhsNumber"),
                Arguments.of("local id without value", da.replace(subject(nhs),
                        "\"subject\":{\"localId\":{\"system\":\"police-east/person\"}}"), "subject.localId.value"),
                Arguments.of("date of birth not a date", da.replace("2016-04-02", "02/04/2016"), "subject.dateOfBirth"),
                Arguments.of("contact without consent", contact("CT-X", nhs).replace(",\"consent\":{\"status\":\"given\"}", ""),
                        "consent"),
                Arguments.of("refused consent without a reason", contact("CT-X", nhs)
                        .replace("{\"status\":\"given\"}", "{\"status\":\"refused\"}"), "consent.reason"),
                Arguments.of("not sought without a reason", contact("CT-X", nhs)
                        .replace("{\"status\":\"given\"}", "{\"status\":\"not-sought-prejudicial\"}"), "consent.reason"),
                Arguments.of("unknown consent status", contact("CT-X", nhs)
                        .replace("{\"status\":\"given\"}", "{\"status\":\"maybe\"}"), "consent.status"),
                Arguments.of("contact category not in the list", contact("CT-X", nhs)
                        .replace("domestic-abuse\"}", "gossip\"}"), "details.category"),
                Arguments.of("risk level not in the list", da.replace("\"high\"", "\"severe\""), "details.riskLevel"),
                Arguments.of("child present is not a boolean", da.replace("\"childPresent\":true",
                        "\"childPresent\":\"yes\""), "details.childPresent"),
                Arguments.of("details missing", da.replaceAll(",\"details\":\\{.*}}$", "}"), "details"),
                Arguments.of("A&E without discharge time", aeAttendance("AE-X", nhs)
                        .replace(",\"dischargedAt\":\"2026-11-18T14:30:00Z\"", ""), "details.dischargedAt"),
                Arguments.of("decision naming no contact", decision("DEC-X", nhs,
                        "\"contactSourceRecordId\":\"NO-SUCH-CONTACT\""), "details.contactSourceRecordId"),
                Arguments.of("decision naming both references", decision("DEC-X", nhs,
                        "\"contactSourceRecordId\":\"A\",\"contactEntryId\":\"" + UUID.randomUUID() + "\""),
                        "details.contactSourceRecordId"),
                Arguments.of("correction naming no entry", correction("COR-X", nhs, "NOTHING", "{}"),
                        "details.targetSourceRecordId"),
                Arguments.of("consent scope unknown", submission("CON-X", "consent-recorded", "2026-11-21T10:00:00Z",
                        subject(nhs), "{\"status\":\"given\"}", "\"scope\":\"neighbours\",\"reason\":\"r\""),
                        "details.scope"),
                Arguments.of("sensitivity not in the list", da.replace("{\"sourceRecordId\"",
                        "{\"sensitivity\":\"secret\",\"sourceRecordId\""), "sensitivity"),
                Arguments.of("source record id too long", da.replace("\"sourceRecordId\":\"INC-X\"",
                        "\"sourceRecordId\":\"" + "X".repeat(201) + "\""), "sourceRecordId"),
                Arguments.of("source record id with a zero-width space", da.replace("\"sourceRecordId\":\"INC-X\"",
                        "\"sourceRecordId\":\"INC\u200B-X\""), "sourceRecordId"),
                Arguments.of("local id with a control character", da.replace(subject(nhs),
                        "\"subject\":{\"localId\":{\"system\":\"police-east/person\",\"value\":\"P\\u0007-1\"}}"),
                        "subject.localId.value"),
                Arguments.of("occurred in the future", da.replace("2026-11-20T21:14:00Z", "2999-01-01T00:00:00Z"),
                        "occurredAt"),
                Arguments.of("occurred before 1900", da.replace("2026-11-20T21:14:00Z", "1899-12-31T23:00:00Z"),
                        "occurredAt"),
                Arguments.of("born in the future", da.replace("2016-04-02", "2999-04-02"), "subject.dateOfBirth"),
                Arguments.of("born before 1900", da.replace("2016-04-02", "1850-04-02"), "subject.dateOfBirth"));
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

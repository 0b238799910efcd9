package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.childjourney.core.journey.JourneyFixtures.AE_ATTENDANCE;
import static org.childjourney.core.journey.JourneyFixtures.PLAN_STARTED;
import static org.childjourney.core.journey.JourneyFixtures.SCHOOL_CONCERN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.childjourney.core.access.AccessScenario.ConsentState;
import org.childjourney.core.access.AccessScenario.EntrySensitivity;
import org.childjourney.core.access.AccessScenario.JourneyState;
import org.childjourney.core.access.AccessScenario.Reader;
import org.childjourney.core.access.AccessScenario.Relationship;
import org.childjourney.core.access.AccessScenario.Variation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may read a child's journey, as tables a safeguarding lead can review. The approved table
 * {@code docs/access-decisions.csv} lists the decision for every combination of purpose, reader, relationship,
 * consent, sensitivity and journey state, plus explicit rows for searches, access logs, justifications and the
 * break-glass window; the rows below it are written by hand from the rules' Javadoc, so that the table is not only
 * a snapshot of whatever the code does. {@link AccessScenario} describes the fictional journey and readers.
 */
class AccessPoliciesTest {

    private static final Path APPROVED = Path.of("..", "docs", "access-decisions.csv");
    private static final Path RECEIVED = Path.of("target", "access-decisions.received.csv");

    private static final String COMMENT = """
            # Access decisions of journey-core's AccessPolicies, version %s: one line per read.
            # An approved file: AccessPoliciesTest computes every line from the rules and fails on any difference,
            # writing what it computed to journey-core/target/access-decisions.received.csv. Change this file only by
            # reviewing that one and copying it here; the rules' change and this file's change go in one review.
            #
            # The journey, fictional: school-concern, recorded by Parkside school, carries the row's consent and
            # sensitivity; ae-attendance, at Hospital North, consent given; cp-plan, a child protection plan made by
            # Northshire's children's social care, consent not required. No reader works for those three agencies.
            #
            # purpose       X-Purpose of a timeline read; emergency reads carry a justification.
            # reader        csc-practitioner (the county's children's social care), school-practitioner (Hillside
            #               school), health-practitioner (Hospital South), hub-member (roles mash and practitioner,
            #               at the county's children's social care), auditor (no agency), agency-system (Police
            #               East's machine client).
            # relationship  of the reader's agency with the child: none; open-involvement (own-involvement started,
            #               not ended); submitted-entry (it recorded own-entry, consent given); released-only (the hub
            #               released school-concern and cp-plan to it); ended-involvement (own-involvement and
            #               own-involvement-ended). An auditor has no agency: the relationship changes nothing.
            # consent       of school-concern: given, refused, not-sought-prejudicial, not-required; or
            #               journey-withdrawn: it says given, but the family withdrew consent to sharing with the
            #               reader's kind of agency.
            # sensitivity   of school-concern: none or mental-health.
            # journey       ordinary, sealed, or unknown (the record holds no such journey).
            # decision      permitted, or refused with the reason (told to auditors only; readers hear "refused").
            # withheld      entries left out altogether; redacted: entries shown without their details; - for none.
            #               An entry both withheld and redacted is left out.
            # view          full; minimal (the emergency department's view); break-glass (no relationship: flagged
            #               for review, owning agencies notified).
            """.formatted(AccessPolicies.VERSION);

    private static final String EXPLICIT_ROWS = """
            #
            # Explicit rows. The purpose says, in brackets, how the read differs from the timeline reads above: a
            # search, an access log read, or an emergency read without a justification.
            """;

    @Test
    void decidesEveryReadAsTheApprovedTableSays() throws IOException {
        List<String> received = table();
        Files.createDirectories(RECEIVED.getParent());
        Files.write(RECEIVED, received);
        if (!Files.exists(APPROVED)) {
            fail("no approved table %s: review %s and approve it by copying it there", APPROVED, RECEIVED);
        }

        List<String> approvedRows = rows(Files.readAllLines(APPROVED));
        List<String> receivedRows = rows(received);

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(approvedRows.size(), receivedRows.size()); i++) {
            String approved = i < approvedRows.size() ? approvedRows.get(i) : "(no row)";
            String now = i < receivedRows.size() ? receivedRows.get(i) : "(no row)";
            if (!approved.equals(now)) {
                differences.add("row " + i + "\n  approved: " + approved + "\n  received: " + now);
            }
        }
        assertThat(differences.subList(0, Math.min(20, differences.size())))
                .as("the decisions differ from the approved %s in %d rows (the first 20 are shown); the received "
                        + "table is in %s", APPROVED, differences.size(), RECEIVED)
                .isEmpty();
    }

    @Test
    void walksEveryCombinationOnce() {
        List<String> rows = rows(table());

        assertThat(rows).doesNotHaveDuplicates();
        assertThat(rows.stream().filter(row -> !row.contains(" ("))).hasSize(1 + Purpose.values().length
                * Reader.walked().size() * Relationship.values().length * ConsentState.values().length
                * EntrySensitivity.values().length * JourneyState.values().length);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} / consent {3} / {4} / {5} journey: {6} {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # purpose                               | reader                        | relationship      | consent                | sensitivity   | journey  | decision  | reason                     | withheld                     | redacted       | view
            #
            # KNOWN_JOURNEY: a journey the record does not hold is refused, even to the hub triaging.
            mash-triage                             | hub-member                    | none              | given                  | none          | unknown  | refused   | UNKNOWN_JOURNEY            | -                            | -              | -
            #
            # SEALED_JOURNEY: a sealed journey is read by auditors only.
            child-in-need                           | csc-practitioner              | open-involvement  | given                  | none          | sealed   | refused   | JOURNEY_SEALED             | -                            | -              | -
            emergency                               | school-practitioner           | none              | given                  | none          | sealed   | refused   | JOURNEY_SEALED             | -                            | -              | -
            case-review                             | auditor                       | none              | refused                | mental-health | sealed   | permitted | -                          | -                            | -              | full
            #
            # LEGITIMATE_RELATIONSHIP: none, or an ended involvement, is no relationship; releases show only what was released.
            child-in-need                           | school-practitioner           | none              | given                  | none          | ordinary | refused   | NO_LEGITIMATE_RELATIONSHIP | -                            | -              | -
            early-help                              | csc-practitioner              | ended-involvement | given                  | none          | ordinary | refused   | NO_LEGITIMATE_RELATIONSHIP | -                            | -              | -
            early-help                              | school-practitioner           | released-only     | given                  | none          | ordinary | permitted | -                          | ae-attendance                | -              | full
            #
            # CONSENT: below s.47, other agencies' entries shared under a refusal are withheld, the reader's own are not;
            # a withdrawal for the reader's kind of agency withholds entries that relied on consent, except at s.47.
            child-in-need                           | csc-practitioner              | open-involvement  | refused                | none          | ordinary | permitted | -                          | school-concern               | -              | full
            child-in-need                           | recording-school-practitioner | submitted-entry   | refused                | none          | ordinary | permitted | -                          | -                            | -              | full
            child-in-need                           | csc-practitioner              | open-involvement  | not-sought-prejudicial | none          | ordinary | permitted | -                          | -                            | -              | full
            child-in-need                           | csc-practitioner              | open-involvement  | journey-withdrawn      | none          | ordinary | permitted | -                          | school-concern;ae-attendance | -              | full
            safeguarding-enquiry                    | csc-practitioner              | open-involvement  | journey-withdrawn      | none          | ordinary | permitted | -                          | -                            | -              | full
            #
            # SENSITIVITY: details of a mental-health entry only for s.47, the hub, reviews and the recording agency.
            child-in-need                           | csc-practitioner              | open-involvement  | given                  | mental-health | ordinary | permitted | -                          | -                            | school-concern | full
            safeguarding-enquiry                    | csc-practitioner              | open-involvement  | given                  | mental-health | ordinary | permitted | -                          | -                            | -              | full
            child-in-need                           | recording-school-practitioner | submitted-entry   | given                  | mental-health | ordinary | permitted | -                          | -                            | -              | full
            #
            # PURPOSE_FOR_ROLE and UNSCHEDULED_CARE_MINIMAL: the emergency department's check is for health agencies, A&E only.
            unscheduled-care                        | health-practitioner           | none              | given                  | none          | ordinary | permitted | -                          | school-concern;cp-plan       | ae-attendance  | minimal
            unscheduled-care                        | school-practitioner           | submitted-entry   | given                  | none          | ordinary | refused   | PURPOSE_NOT_PERMITTED      | -                            | -              | -
            mash-triage                             | csc-practitioner              | open-involvement  | given                  | none          | ordinary | refused   | PURPOSE_NOT_PERMITTED      | -                            | -              | -
            early-help                              | agency-system                 | submitted-entry   | given                  | none          | ordinary | refused   | PURPOSE_NOT_PERMITTED      | -                            | -              | -
            case-review (access log)                | auditor                       | none              | given                  | none          | ordinary | permitted | -                          | -                            | -              | full
            #
            # Break-glass: an emergency without a relationship is permitted, justified and flagged, for a bounded time.
            emergency                               | school-practitioner           | none              | given                  | none          | ordinary | permitted | -                          | -                            | -              | break-glass
            emergency                               | school-practitioner           | released-only     | given                  | none          | ordinary | permitted | -                          | -                            | -              | break-glass
            emergency (access log)                  | school-practitioner           | none              | given                  | none          | ordinary | refused   | NO_LEGITIMATE_RELATIONSHIP | -                            | -              | -
            #
            # A s.47 enquiry is for the hub, children's social care and the police; a release stands against consent.
            safeguarding-enquiry                    | recording-school-practitioner | submitted-entry   | given                  | none          | ordinary | refused   | PURPOSE_NOT_PERMITTED      | -                            | -              | -
            early-help                              | school-practitioner           | released-only     | refused                | none          | ordinary | permitted | -                          | ae-attendance                | -              | full
            emergency (no justification)            | csc-practitioner              | open-involvement  | given                  | none          | ordinary | refused   | JUSTIFICATION_MISSING      | -                            | -              | -
            """)
    void decidesKeyReadsAsTheRulesSay(String purpose, String reader, String relationship, String consent,
            String sensitivity, String journey, String decision, String reason, String withheld, String redacted,
            String view) {
        AccessScenario scenario = AccessScenario.parse(purpose, reader, relationship, consent, sensitivity, journey);

        assertThat(scenario.outcome()).as(scenario.given())
                .isEqualTo(String.join(",", decision, reason, withheld, redacted, view));
    }

    @ParameterizedTest(name = "a read for {0} relies on {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # purpose            | reader              | relationship     | read       | lawful basis relied on
            safeguarding-enquiry | hub-member          | open-involvement | timeline   | SECTION_47_ENQUIRY
            child-in-need        | csc-practitioner    | open-involvement | timeline   | SECTION_17_CHILD_IN_NEED
            early-help           | school-practitioner | submitted-entry  | timeline   | SECTION_10_COOPERATION
            mash-triage          | hub-member          | none             | search     | SECTION_11_SAFEGUARDING_DUTY
            unscheduled-care     | health-practitioner | none             | timeline   | HEALTH_AND_CARE
            case-review          | auditor             | none             | access log | CASE_REVIEW
            emergency            | school-practitioner | none             | timeline   | VITAL_INTERESTS_SAFEGUARDING
            """)
    void permitsAReadOnTheLawfulBasisOfItsPurpose(String purpose, String reader, String relationship, String read,
            LawfulBasis basis) {
        String readVariation = "timeline".equals(read) ? purpose : purpose + " (" + read + ")";
        AccessScenario scenario = AccessScenario.parse(readVariation, reader, relationship, "given", "none",
                "ordinary");

        assertThat(scenario.decide()).isInstanceOfSatisfying(AccessDecision.Permitted.class,
                permitted -> assertThat(permitted.basis()).isEqualTo(basis));
    }

    @Test
    void addsUpWhatEachRuleWithholdsRedactsAndFlagsAndLetsTheFirstRefusalWin() {
        LawfulBasis basis = LawfulBasis.SECTION_17_CHILD_IN_NEED;
        AccessPolicy withholdsSchoolConcern = (request, facts) -> new AccessDecision.Permitted(basis,
                Set.of(SCHOOL_CONCERN), Set.of(), false, false);
        AccessPolicy redactsAttendanceMinimally = (request, facts) -> new AccessDecision.Permitted(basis, Set.of(),
                Set.of(AE_ATTENDANCE), true, false);
        AccessPolicy breaksGlassWithholdingPlan = (request, facts) -> new AccessDecision.Permitted(basis,
                Set.of(PLAN_STARTED), Set.of(), false, true);
        AccessPolicy refusesUnknown = (request, facts) -> new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY);
        AccessPolicy refusesSealed = (request, facts) -> new AccessDecision.Refused(RefusalReason.JOURNEY_SEALED);
        AccessScenario scenario = AccessScenario.parse("child-in-need", "csc-practitioner", "open-involvement",
                "given", "none", "ordinary");

        assertThat(withholdsSchoolConcern.and(redactsAttendanceMinimally).and(breaksGlassWithholdingPlan)
                .decide(scenario.request(), scenario.facts()))
                .isEqualTo(new AccessDecision.Permitted(basis, Set.of(SCHOOL_CONCERN, PLAN_STARTED),
                        Set.of(AE_ATTENDANCE), true, true));
        assertThat(withholdsSchoolConcern.and(refusesUnknown).and(refusesSealed)
                .decide(scenario.request(), scenario.facts()))
                .isEqualTo(new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY));
    }

    /** The whole table as written to the approved file: comment block, header, combinations, explicit rows. */
    private static List<String> table() {
        List<String> lines = new ArrayList<>(COMMENT.lines().toList());
        lines.add(AccessScenario.HEADER);
        for (Purpose purpose : Purpose.values()) {
            for (Reader reader : Reader.walked()) {
                for (Relationship relationship : Relationship.values()) {
                    for (ConsentState consent : ConsentState.values()) {
                        for (EntrySensitivity sensitivity : EntrySensitivity.values()) {
                            for (JourneyState journey : JourneyState.values()) {
                                lines.add(new AccessScenario(purpose, reader, relationship, consent, sensitivity,
                                        journey, Variation.NONE).row());
                            }
                        }
                    }
                }
            }
        }
        lines.addAll(EXPLICIT_ROWS.lines().toList());
        explicitScenarios().forEach(scenario -> lines.add(scenario.row()));
        return lines;
    }

    /** Searches, access logs, missing justifications and the break-glass window. */
    private static List<AccessScenario> explicitScenarios() {
        List<AccessScenario> scenarios = new ArrayList<>();
        for (Variation variation : List.of(Variation.SEARCH, Variation.ACCESS_LOG)) {
            for (Purpose purpose : List.of(Purpose.SAFEGUARDING_ENQUIRY, Purpose.CHILD_IN_NEED, Purpose.MASH_TRIAGE,
                    Purpose.UNSCHEDULED_CARE, Purpose.CASE_REVIEW, Purpose.EMERGENCY)) {
                for (Reader reader : Reader.walked()) {
                    for (Relationship relationship : List.of(Relationship.NONE, Relationship.OPEN_INVOLVEMENT)) {
                        if (reader == Reader.AUDITOR && relationship != Relationship.NONE) {
                            continue;
                        }
                        scenarios.add(new AccessScenario(purpose, reader, relationship, ConsentState.REFUSED,
                                EntrySensitivity.MENTAL_HEALTH, JourneyState.ORDINARY, variation));
                    }
                }
            }
            for (JourneyState journey : List.of(JourneyState.SEALED, JourneyState.UNKNOWN)) {
                scenarios.add(new AccessScenario(Purpose.CASE_REVIEW, Reader.AUDITOR, Relationship.NONE,
                        ConsentState.GIVEN, EntrySensitivity.NONE, journey, variation));
                scenarios.add(new AccessScenario(Purpose.MASH_TRIAGE, Reader.HUB_MEMBER, Relationship.NONE,
                        ConsentState.GIVEN, EntrySensitivity.NONE, journey, variation));
            }
        }
        for (Variation variation : List.of(Variation.NO_JUSTIFICATION, Variation.BLANK_JUSTIFICATION)) {
            for (Reader reader : List.of(Reader.CSC_PRACTITIONER, Reader.SCHOOL_PRACTITIONER, Reader.HUB_MEMBER)) {
                for (Relationship relationship : List.of(Relationship.NONE, Relationship.OPEN_INVOLVEMENT)) {
                    scenarios.add(new AccessScenario(Purpose.EMERGENCY, reader, relationship, ConsentState.GIVEN,
                            EntrySensitivity.NONE, JourneyState.ORDINARY, variation));
                }
            }
        }
        return scenarios;
    }

    /** The header and rows of a table, without its comments. */
    private static List<String> rows(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
}

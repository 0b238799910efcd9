package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.childjourney.core.access.AccessScenario.JourneyState;
import org.childjourney.core.access.AccessScenario.Reader;
import org.childjourney.core.access.AccessScenario.Relationship;
import org.childjourney.core.access.AccessScenario.SchoolConcern;
import org.childjourney.core.access.AccessScenario.Variation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may read a child's journey, as tables a safeguarding lead or data protection officer can review. The approved
 * table {@code docs/access-decisions.csv} lists the decision of the rules in force for every combination of
 * purpose, reader, relationship, school concern and journey state, plus explicit rows for searches, access logs and
 * justifications; the rows below it are written by hand from the contract's "Need to know", so that the table is
 * not only a snapshot of whatever the code does. {@link AccessScenario} describes the fictional journey and readers.
 */
class AccessPoliciesTest {

    private static final Path APPROVED = Path.of("..", "docs", "access-decisions.csv");
    private static final Path RECEIVED = Path.of("target", "access-decisions.received.csv");

    private static final String COMMENT = """
            # Access decisions of journey-core's AccessPolicies, version %s (NeedToKnow): one line per read.
            # An approved file: AccessPoliciesTest computes every line from the rules and fails on any difference,
            # writing what it computed to journey-core/target/access-decisions.received.csv. Change this file only by
            # reviewing that one and copying it here; the rules' change and this file's change go in one review.
            #
            # The journey, fictional, folded from its events, each recorded some days before the read:
            #   lead-involvement (70 days): Northshire's children's social care works with the child and leads.
            #   school-concern (60): Parkside school, with the row's consent and sensitivity.
            #   ae-attendance (50): Hospital North, consent given.
            #   da-notification (40): Police East, consent not sought (asking would alert the adult).
            #   strategy-discussion (35): Northshire, decision child-in-need, with Police East.
            #   da-decision (30): Northshire's front-door decision on the notification, with a rationale.
            # No reader works for those agencies.
            #
            # purpose        X-Purpose of a timeline read; emergency reads carry a justification of 20 characters.
            # reader         csc-practitioner (the county's children's social care), school-practitioner (Hillside
            #                school), health-practitioner (Hospital South), police-practitioner (Police West),
            #                hub-member (roles mash and practitioner, at the county's social care), auditor.
            # relationship   what the reader's agency did, recorded on the journey: none; submitted-entry (own-contact
            #                20 days before, decided as own-contact-decision 19 days before); open-involvement
            #                (own-involvement, 25); ended-involvement (and own-involvement-ended, 12); released-only
            #                (the hub released school-concern and ae-attendance to it, 18); team (Northshire added it
            #                to the core group, team-added, 10); team-removed (and team-removed, 9);
            #                enquiry-participant (a strategy discussion opened a s.47 enquiry with it, enquiry, 5);
            #                enquiry-closed (and its outcome, enquiry-outcome, 4).
            # school-concern the concern's consent: given, refused, not-sought-prejudicial, not-required;
            #                journey-withdrawn (given, then the family withdrew consent to sharing with the reader's
            #                kind of agency: consent-withdrawal, 8); mental-health          (sensitive).
            # journey        ordinary; at-front-door (a contact from Hospital North awaits its decision: new-contact,
            #                2); plan-open (Northshire's child protection plan: cp-plan, 15); sealed; unknown.
            # decision       permitted, or refused with the reason (told to auditors only; readers hear "refused").
            # grounds        what the read rests on; the reader sees the union of their views.
            # withheld       entries left out; existence-only: shown without summary or details (sensitive);
            #                summary-only: without details; without-rationale: a decision without its rationale.
            #                Every other entry is shown in full. - for none.
            # flags          plan or no-plan; the lead agency; prior attendances (health readers only); - for none.
            """.formatted(AccessPolicies.VERSION);

    private static final String EXPLICIT_ROWS = """
            #
            # Explicit rows. The purpose says, in brackets, how the read differs from the timeline reads above: a
            # search, an access log read, or an emergency read without a justification or with a short one.
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
                * Reader.walked().size() * Relationship.values().length * SchoolConcern.values().length
                * JourneyState.values().length);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} / {3} / {4}: {5} {6} {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # purpose                  | reader                        | relationship        | school concern         | journey       | decision  | reason                | grounds            | withheld                                                                         | existence-only | summary-only  | without-rationale    | flags
            #
            # Nobody reads a journey the record does not hold, and only auditors a sealed one.
            mash-triage                | hub-member                    | none                | given                  | unknown       | refused   | UNKNOWN_JOURNEY       | -                  | -                                                                                | -              | -             | -                    | -
            child-in-need              | csc-practitioner              | open-involvement    | given                  | sealed        | refused   | JOURNEY_SEALED        | -                  | -                                                                                | -              | -             | -                    | -
            emergency                  | police-practitioner           | none                | given                  | sealed        | refused   | JOURNEY_SEALED        | -                  | -                                                                                | -              | -             | -                    | -
            case-review                | auditor                       | none                | given                  | sealed        | permitted | -                     | review             | -                                                                                | -              | -             | -                    | no-plan;lead csc-northshire
            #
            # own-record: one referral opens the agency's own entries and the decision on it, never the record.
            child-in-need              | school-practitioner           | submitted-entry     | given                  | ordinary      | permitted | -                     | own-record         | lead-involvement;school-concern;ae-attendance;da-notification;strategy-discussion;da-decision | - | -          | own-contact-decision | -
            child-in-need              | school-practitioner           | none                | given                  | ordinary      | refused   | NO_GROUND             | -                  | -                                                                                | -              | -             | -                    | -
            early-help                 | school-practitioner           | released-only       | refused                | ordinary      | permitted | -                     | own-record         | lead-involvement;da-notification;strategy-discussion;da-decision               | -              | -             | -                    | -
            early-help                 | health-practitioner           | open-involvement    | given                  | ordinary      | permitted | -                     | own-record         | lead-involvement;school-concern;ae-attendance;da-notification;strategy-discussion;da-decision | - | -          | -                    | no-plan;lead csc-northshire;attendances 1
            child-in-need              | health-practitioner           | ended-involvement   | given                  | ordinary      | permitted | -                     | own-record         | lead-involvement;school-concern;ae-attendance;da-notification;strategy-discussion;da-decision | - | -          | -                    | -
            #
            # lead: social care with an open involvement reads the whole journey, less consent and sensitivity.
            child-in-need              | csc-practitioner              | open-involvement    | given                  | ordinary      | permitted | -                     | own-record;lead    | -                                                                                | -              | -             | -                    | no-plan;lead csc-northshire
            child-in-need              | csc-practitioner              | open-involvement    | refused                | ordinary      | permitted | -                     | own-record;lead    | school-concern                                                                   | -              | -             | -                    | no-plan;lead csc-northshire
            child-in-need              | csc-practitioner              | open-involvement    | refused                | plan-open     | permitted | -                     | own-record;lead    | -                                                                                | -              | -             | -                    | plan;lead csc-northshire
            child-in-need              | csc-practitioner              | open-involvement    | journey-withdrawn      | ordinary      | permitted | -                     | own-record;lead    | lead-involvement;school-concern;ae-attendance;strategy-discussion;da-decision    | -              | -             | -                    | no-plan;lead csc-northshire
            child-in-need              | csc-practitioner              | open-involvement    | mental-health          | ordinary      | permitted | -                     | own-record;lead    | -                                                                                | school-concern | -             | -                    | no-plan;lead csc-northshire
            child-in-need              | recording-school-practitioner | none                | mental-health          | ordinary      | permitted | -                     | own-record         | lead-involvement;ae-attendance;da-notification;strategy-discussion;da-decision | -              | -             | -                    | -
            #
            # team: as the lead, less what could alert the adult, strategy discussions and rationales.
            child-in-need              | school-practitioner           | team                | not-sought-prejudicial | ordinary      | permitted | -                     | team               | school-concern;da-notification;strategy-discussion                              | -              | -             | da-decision          | no-plan;lead csc-northshire
            child-in-need              | school-practitioner           | team-removed        | given                  | ordinary      | refused   | NO_GROUND             | -                  | -                                                                                | -              | -             | -                    | -
            #
            # enquiry: an open s.47 enquiry, for the social care that recorded it and its participants.
            safeguarding-enquiry       | police-practitioner           | enquiry-participant | mental-health          | ordinary      | permitted | -                     | enquiry            | -                                                                                | -              | -             | -                    | no-plan;lead csc-northshire
            safeguarding-enquiry       | police-practitioner           | enquiry-closed      | given                  | ordinary      | refused   | NO_GROUND             | -                  | -                                                                                | -              | -             | -                    | -
            safeguarding-enquiry       | csc-practitioner              | open-involvement    | given                  | ordinary      | refused   | NO_GROUND             | -                  | -                                                                                | -              | -             | -                    | -
            #
            # hub: while a front-door item awaits its decision, and five days after the last decision.
            mash-triage                | hub-member                    | none                | mental-health          | at-front-door | permitted | -                     | hub                | -                                                                                | -              | -             | -                    | no-plan;lead csc-northshire
            mash-triage                | hub-member                    | none                | given                  | ordinary      | refused   | NO_GROUND             | -                  | -                                                                                | -              | -             | -                    | -
            mash-triage                | csc-practitioner              | open-involvement    | given                  | at-front-door | refused   | PURPOSE_NOT_PERMITTED | -                  | -                                                                                | -              | -             | -                    | -
            #
            # triage-check: health at unscheduled care sees attendances and the flags; police and health at urgent-check, the flags.
            unscheduled-care           | health-practitioner           | none                | given                  | plan-open     | permitted | -                     | triage-check       | lead-involvement;school-concern;da-notification;strategy-discussion;da-decision;cp-plan | -       | ae-attendance | -                    | plan;lead csc-northshire;attendances 1
            urgent-check               | police-practitioner           | none                | given                  | plan-open     | permitted | -                     | triage-check       | lead-involvement;school-concern;ae-attendance;da-notification;strategy-discussion;da-decision;cp-plan | - | - | -                    | plan;lead csc-northshire
            urgent-check               | school-practitioner           | none                | given                  | ordinary      | refused   | PURPOSE_NOT_PERMITTED | -                  | -                                                                                | -              | -             | -                    | -
            unscheduled-care           | police-practitioner           | none                | given                  | ordinary      | refused   | PURPOSE_NOT_PERMITTED | -                  | -                                                                                | -              | -             | -                    | -
            #
            # break-glass: police, health and social care see the journey (sensitivity applies); schools the flags.
            emergency                  | police-practitioner           | none                | mental-health          | ordinary      | permitted | -                     | break-glass        | -                                                                                | school-concern | -             | -                    | no-plan;lead csc-northshire
            emergency                  | school-practitioner           | none                | given                  | ordinary      | permitted | -                     | break-glass        | lead-involvement;school-concern;ae-attendance;da-notification;strategy-discussion;da-decision | - | -          | -                    | no-plan;lead csc-northshire
            emergency (short justification) | police-practitioner      | none                | given                  | ordinary      | refused   | JUSTIFICATION_MISSING | -                  | -                                                                                | -              | -             | -                    | -
            #
            # Machine clients read nothing; access logs rest on recorded grounds only.
            child-in-need              | agency-system                 | submitted-entry     | given                  | ordinary      | refused   | PURPOSE_NOT_PERMITTED | -                  | -                                                                                | -              | -             | -                    | -
            emergency (access log)     | police-practitioner           | none                | given                  | ordinary      | refused   | NO_GROUND             | -                  | -                                                                                | -              | -             | -                    | -
            """)
    void decidesKeyReadsAsNeedToKnowSays(String purpose, String reader, String relationship, String concern,
            String journey, String decision, String reason, String grounds, String withheld, String existenceOnly,
            String summaryOnly, String withoutRationale, String flags) {
        AccessScenario scenario = AccessScenario.parse(purpose, reader, relationship, concern, journey);

        assertThat(scenario.outcome()).as(scenario.given()).isEqualTo(String.join(",", decision, reason, grounds,
                withheld, existenceOnly, summaryOnly, withoutRationale, flags));
    }

    @ParameterizedTest(name = "a read for {0} relies on {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # purpose            | reader              | relationship        | lawful basis relied on
            safeguarding-enquiry | police-practitioner | enquiry-participant | SECTION_47_ENQUIRY
            child-in-need        | csc-practitioner    | open-involvement    | SECTION_17_CHILD_IN_NEED
            early-help           | school-practitioner | submitted-entry     | SECTION_10_COOPERATION
            unscheduled-care     | health-practitioner | none                | HEALTH_AND_CARE
            urgent-check         | police-practitioner | none                | SECTION_11_SAFEGUARDING_DUTY
            case-review          | auditor             | none                | CASE_REVIEW
            emergency            | school-practitioner | none                | VITAL_INTERESTS_SAFEGUARDING
            """)
    void permitsAReadOnTheLawfulBasisOfItsPurpose(String purpose, String reader, String relationship,
            LawfulBasis basis) {
        AccessScenario scenario = AccessScenario.parse(purpose, reader, relationship, "given", "ordinary");

        assertThat(scenario.decide()).isInstanceOfSatisfying(AccessDecision.Permitted.class,
                permitted -> assertThat(permitted.basis()).isEqualTo(basis));
    }

    @Test
    void keepsTheRelationshipRulesCallableByTheirVersionForReadsTheyDecided() {
        AccessScenario schoolThatReferred = AccessScenario.parse("child-in-need", "school-practitioner",
                "submitted-entry", "given", "ordinary");

        AccessDecision then = AccessPolicies.named("2026.11-3").orElseThrow()
                .decide(schoolThatReferred.request(), schoolThatReferred.facts());
        AccessDecision now = AccessPolicies.named(AccessPolicies.VERSION).orElseThrow()
                .decide(schoolThatReferred.request(), schoolThatReferred.facts());

        assertThat(then).as("2026.11-3 let one referral read the police's notification")
                .isInstanceOfSatisfying(AccessDecision.Permitted.class, permitted -> assertThat(permitted
                        .view(AccessScenario.Name.DA_NOTIFICATION.id)).isEqualTo(EntryView.FULL));
        assertThat(now).isInstanceOfSatisfying(AccessDecision.Permitted.class,
                permitted -> assertThat(permitted.withheld()).contains(AccessScenario.Name.DA_NOTIFICATION.id));
        assertThat(AccessPolicies.named("2026.11-1")).as("a development version, never released").isEmpty();
    }

    /** The whole table as written to the approved file: comment block, header, combinations, explicit rows. */
    private static List<String> table() {
        List<String> lines = new ArrayList<>(COMMENT.lines().toList());
        lines.add(AccessScenario.HEADER);
        for (Purpose purpose : Purpose.values()) {
            for (Reader reader : Reader.walked()) {
                for (Relationship relationship : Relationship.values()) {
                    for (SchoolConcern concern : SchoolConcern.values()) {
                        for (JourneyState journey : JourneyState.values()) {
                            lines.add(new AccessScenario(purpose, reader, relationship, concern, journey,
                                    Variation.NONE).row());
                        }
                    }
                }
            }
        }
        lines.addAll(EXPLICIT_ROWS.lines().toList());
        explicitScenarios().forEach(scenario -> lines.add(scenario.row()));
        return lines;
    }

    /** Searches and access logs for every purpose, reader and relationship; justifications missing or short. */
    private static List<AccessScenario> explicitScenarios() {
        List<AccessScenario> scenarios = new ArrayList<>();
        for (Variation variation : List.of(Variation.SEARCH, Variation.ACCESS_LOG)) {
            for (Purpose purpose : Purpose.values()) {
                for (Reader reader : Reader.walked()) {
                    for (Relationship relationship : Relationship.values()) {
                        if (reader == Reader.AUDITOR && relationship != Relationship.NONE) {
                            continue;
                        }
                        scenarios.add(new AccessScenario(purpose, reader, relationship, SchoolConcern.GIVEN,
                                JourneyState.AT_FRONT_DOOR, variation));
                    }
                }
            }
        }
        for (Variation variation : List.of(Variation.NO_JUSTIFICATION, Variation.SHORT_JUSTIFICATION)) {
            for (Reader reader : Reader.walked()) {
                scenarios.add(new AccessScenario(Purpose.EMERGENCY, reader, Relationship.NONE, SchoolConcern.GIVEN,
                        JourneyState.ORDINARY, variation));
            }
        }
        return scenarios;
    }

    /** The header and rows of a table, without its comments. */
    private static List<String> rows(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
}

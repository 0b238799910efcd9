package org.childjourney.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childjourney.core.journey.JourneyFixtures.AE_ATTENDANCE;
import static org.childjourney.core.journey.JourneyFixtures.CSC_COUNTY;
import static org.childjourney.core.journey.JourneyFixtures.HOSPITAL_NORTH;
import static org.childjourney.core.journey.JourneyFixtures.INVOLVEMENT_STARTED;
import static org.childjourney.core.journey.JourneyFixtures.POLICE_EAST;
import static org.childjourney.core.journey.JourneyFixtures.SCHOOL_CONCERN;
import static org.childjourney.core.journey.JourneyFixtures.SCHOOL_PARKSIDE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may read a child's journey, as a table a safeguarding lead can review. Every row is one read of a fictional
 * journey that holds a school concern from Parkside (shared under the consent in the "school entry consent"
 * column) and an open involvement of Police East.
 *
 * <ul>
 *   <li>viewer roles: the reader's realm roles, {@code none} for a token without any;</li>
 *   <li>their agency and the child: {@code open involvement} (their agency, Hospital North, is working with the
 *       child), {@code submitted an entry} (Hospital North recorded an A&amp;E attendance), {@code none} (neither),
 *       {@code hub member} (the reader is in the hub, at the county's children's social care, which has neither),
 *       {@code no agency} (the token names no agency, as for auditors);</li>
 *   <li>withheld: the entries taken out of a permitted read.</li>
 * </ul>
 */
class AccessPoliciesTest {

    private static final Set<AgencyCode> NO_AGENCIES = Set.of();

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} / {3} / consent {4} / {5} journey: {6} {7}, withheld {8}")
    @CsvSource(delimiter = '|', textBlock = """
            # viewer roles       | their agency and the child | reads      | purpose              | school entry consent | journey | outcome   | lawful basis or refusal reason | withheld
            #
            # A journey the record does not hold is refused, whoever asks and whatever the purpose.
            practitioner         | none                       | timeline   | child-in-need        | -                    | unknown | refused   | UNKNOWN_JOURNEY                | -
            mash                 | hub member                 | timeline   | mash-triage          | -                    | unknown | refused   | UNKNOWN_JOURNEY                | -
            mash                 | hub member                 | search     | emergency            | -                    | unknown | refused   | UNKNOWN_JOURNEY                | -
            auditor              | no agency                  | access log | case-review          | -                    | unknown | refused   | UNKNOWN_JOURNEY                | -
            none                 | none                       | timeline   | safeguarding-enquiry | -                    | unknown | refused   | UNKNOWN_JOURNEY                | -
            #
            # Reading a journey needs the practitioner or the mash role.
            none                 | open involvement           | timeline   | child-in-need        | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            none                 | submitted an entry         | search     | child-in-need        | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            agency-system        | submitted an entry         | timeline   | early-help           | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            agency-system        | open involvement           | search     | safeguarding-enquiry | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            admin                | no agency                  | timeline   | case-review          | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            admin                | no agency                  | access log | case-review          | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            auditor              | no agency                  | timeline   | case-review          | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            auditor              | no agency                  | search     | case-review          | given                | known   | refused   | ROLE_NOT_PERMITTED             | -
            #
            # An auditor reads the access log of any journey the record holds.
            auditor              | no agency                  | access log | case-review          | given                | known   | permitted | CASE_REVIEW                    | nothing
            auditor              | no agency                  | access log | safeguarding-enquiry | refused              | known   | permitted | SECTION_47_ENQUIRY             | nothing
            #
            # Without a legitimate relationship with the child there is no read, even in an emergency.
            practitioner         | none                       | timeline   | child-in-need        | given                | known   | refused   | NO_LEGITIMATE_RELATIONSHIP     | -
            practitioner         | none                       | search     | early-help           | given                | known   | refused   | NO_LEGITIMATE_RELATIONSHIP     | -
            practitioner         | none                       | timeline   | safeguarding-enquiry | given                | known   | refused   | NO_LEGITIMATE_RELATIONSHIP     | -
            practitioner         | none                       | timeline   | emergency            | given                | known   | refused   | NO_LEGITIMATE_RELATIONSHIP     | -
            practitioner         | none                       | access log | case-review          | given                | known   | refused   | NO_LEGITIMATE_RELATIONSHIP     | -
            practitioner         | no agency                  | timeline   | child-in-need        | given                | known   | refused   | NO_LEGITIMATE_RELATIONSHIP     | -
            practitioner+auditor | none                       | timeline   | case-review          | given                | known   | refused   | NO_LEGITIMATE_RELATIONSHIP     | -
            #
            # An open involvement or an entry of their own is a relationship; the hub has one with every child.
            practitioner         | open involvement           | timeline   | child-in-need        | given                | known   | permitted | SECTION_17_CHILD_IN_NEED       | nothing
            practitioner         | submitted an entry         | timeline   | early-help           | not-stated           | known   | permitted | SECTION_10_COOPERATION         | nothing
            practitioner         | submitted an entry         | search     | unscheduled-care     | given                | known   | permitted | HEALTH_AND_CARE                | nothing
            practitioner         | open involvement           | access log | case-review          | given                | known   | permitted | CASE_REVIEW                    | nothing
            mash                 | hub member                 | timeline   | mash-triage          | given                | known   | permitted | SECTION_11_SAFEGUARDING_DUTY   | nothing
            mash                 | hub member                 | search     | mash-triage          | not-stated           | known   | permitted | SECTION_11_SAFEGUARDING_DUTY   | nothing
            mash                 | no agency                  | timeline   | mash-triage          | given                | known   | permitted | SECTION_11_SAFEGUARDING_DUTY   | nothing
            #
            # An entry shared under a refusal of consent is withheld, except in a s.47 enquiry or an emergency.
            practitioner         | open involvement           | timeline   | child-in-need        | refused              | known   | permitted | SECTION_17_CHILD_IN_NEED       | school concern
            practitioner         | submitted an entry         | timeline   | early-help           | refused              | known   | permitted | SECTION_10_COOPERATION         | school concern
            practitioner         | submitted an entry         | timeline   | unscheduled-care     | refused              | known   | permitted | HEALTH_AND_CARE                | school concern
            practitioner         | open involvement           | timeline   | case-review          | refused              | known   | permitted | CASE_REVIEW                    | school concern
            mash                 | hub member                 | timeline   | mash-triage          | refused              | known   | permitted | SECTION_11_SAFEGUARDING_DUTY   | school concern
            mash                 | hub member                 | search     | mash-triage          | refused              | known   | permitted | SECTION_11_SAFEGUARDING_DUTY   | school concern
            practitioner         | open involvement           | timeline   | safeguarding-enquiry | refused              | known   | permitted | SECTION_47_ENQUIRY             | nothing
            mash                 | hub member                 | timeline   | safeguarding-enquiry | refused              | known   | permitted | SECTION_47_ENQUIRY             | nothing
            practitioner         | submitted an entry         | timeline   | emergency            | refused              | known   | permitted | VITAL_INTERESTS_SAFEGUARDING   | nothing
            mash                 | hub member                 | search     | emergency            | refused              | known   | permitted | VITAL_INTERESTS_SAFEGUARDING   | nothing
            practitioner         | open involvement           | timeline   | child-in-need        | not-stated           | known   | permitted | SECTION_17_CHILD_IN_NEED       | nothing
            """)
    void decidesEachReadByRoleRelationshipPurposeAndConsent(String roles, String relationship, String reads,
            String purpose, String schoolEntryConsent, String journey, String outcome, String basisOrReason,
            String withheld) {
        AccessRequest request = new AccessRequest(viewer(roles, relationship), purpose(purpose), readKind(reads),
                null);
        JourneyFacts facts = "known".equals(journey) ? knownJourney(relationship, consent(schoolEntryConsent))
                : JourneyFacts.unknown();

        AccessDecision decision = AccessPolicies.all().decide(request, facts);

        AccessDecision expected = switch (outcome) {
            case "permitted" -> new AccessDecision.Permitted(LawfulBasis.valueOf(basisOrReason), withheld(withheld));
            case "refused" -> new AccessDecision.Refused(RefusalReason.valueOf(basisOrReason));
            default -> throw new IllegalArgumentException("outcome is permitted or refused: " + outcome);
        };
        assertThat(decision).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a read for {0} relies on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # purpose            | lawful basis relied on
            safeguarding-enquiry | SECTION_47_ENQUIRY
            child-in-need        | SECTION_17_CHILD_IN_NEED
            early-help           | SECTION_10_COOPERATION
            mash-triage          | SECTION_11_SAFEGUARDING_DUTY
            unscheduled-care     | HEALTH_AND_CARE
            case-review          | CASE_REVIEW
            emergency            | VITAL_INTERESTS_SAFEGUARDING
            """)
    void permitsAReadOnTheLawfulBasisOfItsPurpose(String purpose, LawfulBasis basis) {
        AccessRequest request = new AccessRequest(viewer("mash", "hub member"), purpose(purpose), ReadKind.TIMELINE,
                null);

        assertThat(AccessPolicies.all().decide(request, knownJourney("hub member", ConsentStatus.GIVEN)))
                .isEqualTo(new AccessDecision.Permitted(basis, Set.of()));
    }

    @Test
    void addsUpWhatEachRuleWithholdsAndLetsTheFirstRefusalWin() {
        AccessPolicy withholdsSchoolConcern = (request, facts) -> new AccessDecision.Permitted(
                LawfulBasis.SECTION_17_CHILD_IN_NEED, Set.of(SCHOOL_CONCERN));
        AccessPolicy withholdsAttendance = (request, facts) -> new AccessDecision.Permitted(
                LawfulBasis.SECTION_17_CHILD_IN_NEED, Set.of(AE_ATTENDANCE));
        AccessPolicy refusesUnknown = (request, facts) -> new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY);
        AccessPolicy refusesRole = (request, facts) -> new AccessDecision.Refused(RefusalReason.ROLE_NOT_PERMITTED);
        AccessRequest request = new AccessRequest(viewer("practitioner", "open involvement"), Purpose.CHILD_IN_NEED,
                ReadKind.TIMELINE, null);
        JourneyFacts facts = knownJourney("open involvement", ConsentStatus.GIVEN);

        assertThat(withholdsSchoolConcern.and(withholdsAttendance).decide(request, facts))
                .isEqualTo(new AccessDecision.Permitted(LawfulBasis.SECTION_17_CHILD_IN_NEED,
                        Set.of(SCHOOL_CONCERN, AE_ATTENDANCE)));
        assertThat(withholdsSchoolConcern.and(refusesUnknown).and(refusesRole).decide(request, facts))
                .isEqualTo(new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY));
    }

    private static Viewer viewer(String roles, String relationship) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        if (!"none".equals(roles)) {
            Arrays.stream(roles.split("\\+")).map(claim -> Role.fromClaim(claim)
                    .orElseThrow(() -> new IllegalArgumentException("not a role: " + claim))).forEach(held::add);
        }
        AgencyCode agency = switch (relationship) {
            case "no agency" -> null;
            case "hub member" -> CSC_COUNTY.code();
            case "none", "open involvement", "submitted an entry" -> HOSPITAL_NORTH.code();
            default -> throw new IllegalArgumentException("unknown relationship: " + relationship);
        };
        return new Viewer("fictional." + roles.replace('+', '.'), agency, held);
    }

    /** Parkside's school concern under the given consent, Police East involved, and the reader's own part. */
    private static JourneyFacts knownJourney(String relationship, ConsentStatus schoolEntryConsent) {
        Set<AgencyCode> involved = new HashSet<>(Set.of(POLICE_EAST.code()));
        Set<AgencyCode> submitting = new HashSet<>(Set.of(SCHOOL_PARKSIDE.code(), POLICE_EAST.code()));
        List<EntryFacts> entries = new ArrayList<>(List.of(
                new EntryFacts(SCHOOL_CONCERN, SCHOOL_PARKSIDE.code(), schoolEntryConsent),
                new EntryFacts(INVOLVEMENT_STARTED, POLICE_EAST.code(), ConsentStatus.NOT_STATED)));
        if ("open involvement".equals(relationship)) {
            involved.add(HOSPITAL_NORTH.code());
        } else if ("submitted an entry".equals(relationship)) {
            submitting.add(HOSPITAL_NORTH.code());
            entries.add(new EntryFacts(AE_ATTENDANCE, HOSPITAL_NORTH.code(), ConsentStatus.GIVEN));
        }
        return new JourneyFacts(true, involved, submitting, entries);
    }

    private static Purpose purpose(String header) {
        return Purpose.fromHeader(header).orElseThrow(() -> new IllegalArgumentException("not a purpose: " + header));
    }

    private static ReadKind readKind(String reads) {
        return ReadKind.valueOf(reads.toUpperCase().replace(' ', '_'));
    }

    private static ConsentStatus consent(String written) {
        return ConsentStatus.valueOf(written.toUpperCase().replace('-', '_'));
    }

    private static Set<EntryId> withheld(String written) {
        return switch (written) {
            case "nothing" -> Set.of();
            case "school concern" -> Set.of(SCHOOL_CONCERN);
            default -> throw new IllegalArgumentException("withheld is nothing or school concern: " + written);
        };
    }
}

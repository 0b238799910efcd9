package org.childjourney.core.journey;

import static org.childjourney.core.journey.JourneyFixtures.AE_ATTENDANCE;
import static org.childjourney.core.journey.JourneyFixtures.possibleDuplicateRaised;
import static org.childjourney.core.journey.JourneyFixtures.journeysLinked;
import static org.childjourney.core.journey.JourneyFixtures.contentErased;
import static org.childjourney.core.journey.JourneyFixtures.eraseJourney;
import static org.childjourney.core.journey.JourneyFixtures.journeyErased;
import static org.childjourney.core.journey.JourneyFixtures.CONTACT;
import static org.childjourney.core.journey.JourneyFixtures.CONTACT_DECISION;
import static org.childjourney.core.journey.JourneyFixtures.CORRECTION;
import static org.childjourney.core.journey.JourneyFixtures.CSC_COUNTY;
import static org.childjourney.core.journey.JourneyFixtures.DOMESTIC_ABUSE_NOTIFICATION;
import static org.childjourney.core.journey.JourneyFixtures.EMERGENCY_JUSTIFICATION;
import static org.childjourney.core.journey.JourneyFixtures.GRANT_EXPIRES_AT;
import static org.childjourney.core.journey.JourneyFixtures.GRANT_ID;
import static org.childjourney.core.journey.JourneyFixtures.GRANT_OPENED_AT;
import static org.childjourney.core.journey.JourneyFixtures.HOSPITAL_NORTH;
import static org.childjourney.core.journey.JourneyFixtures.HUB_MEMBER;
import static org.childjourney.core.journey.JourneyFixtures.JOURNEY;
import static org.childjourney.core.journey.JourneyFixtures.PLAN_STARTED;
import static org.childjourney.core.journey.JourneyFixtures.POLICE_EAST;
import static org.childjourney.core.journey.JourneyFixtures.RETRACTION;
import static org.childjourney.core.journey.JourneyFixtures.SCHOOL_CONCERN;
import static org.childjourney.core.journey.JourneyFixtures.SCHOOL_PARKSIDE;
import static org.childjourney.core.journey.JourneyFixtures.SCHOOL_PRACTITIONER;
import static org.childjourney.core.journey.JourneyFixtures.UNKNOWN_ENTRY;
import static org.childjourney.core.journey.JourneyFixtures.acknowledgeNotice;
import static org.childjourney.core.journey.JourneyFixtures.aeAttendanceRecorded;
import static org.childjourney.core.journey.JourneyFixtures.agencyNotified;
import static org.childjourney.core.journey.JourneyFixtures.breakGlassGranted;
import static org.childjourney.core.journey.JourneyFixtures.breakGlassReviewed;
import static org.childjourney.core.journey.JourneyFixtures.childProtectionPlanEnded;
import static org.childjourney.core.journey.JourneyFixtures.childProtectionPlanStarted;
import static org.childjourney.core.journey.JourneyFixtures.consentRecorded;
import static org.childjourney.core.journey.JourneyFixtures.consentWithdrawn;
import static org.childjourney.core.journey.JourneyFixtures.contactDecided;
import static org.childjourney.core.journey.JourneyFixtures.contactReceived;
import static org.childjourney.core.journey.JourneyFixtures.correctEntry;
import static org.childjourney.core.journey.JourneyFixtures.decideContact;
import static org.childjourney.core.journey.JourneyFixtures.declineSharing;
import static org.childjourney.core.journey.JourneyFixtures.domesticAbuseNotified;
import static org.childjourney.core.journey.JourneyFixtures.endChildProtectionPlan;
import static org.childjourney.core.journey.JourneyFixtures.endInvolvement;
import static org.childjourney.core.journey.JourneyFixtures.entriesReleased;
import static org.childjourney.core.journey.JourneyFixtures.entry;
import static org.childjourney.core.journey.JourneyFixtures.entryCorrected;
import static org.childjourney.core.journey.JourneyFixtures.entryRetracted;
import static org.childjourney.core.journey.JourneyFixtures.groundlessRequest;
import static org.childjourney.core.journey.JourneyFixtures.involvementEnded;
import static org.childjourney.core.journey.JourneyFixtures.involvementStarted;
import static org.childjourney.core.journey.JourneyFixtures.journeySealed;
import static org.childjourney.core.journey.JourneyFixtures.journeyUnsealed;
import static org.childjourney.core.journey.JourneyFixtures.noticeAcknowledged;
import static org.childjourney.core.journey.JourneyFixtures.notifyDomesticAbuse;
import static org.childjourney.core.journey.JourneyFixtures.openBreakGlass;
import static org.childjourney.core.journey.JourneyFixtures.raiseNotice;
import static org.childjourney.core.journey.JourneyFixtures.raiseSchoolConcern;
import static org.childjourney.core.journey.JourneyFixtures.recordAeAttendance;
import static org.childjourney.core.journey.JourneyFixtures.recordConsent;
import static org.childjourney.core.journey.JourneyFixtures.recordContact;
import static org.childjourney.core.journey.JourneyFixtures.releaseEntries;
import static org.childjourney.core.journey.JourneyFixtures.retractEntry;
import static org.childjourney.core.journey.JourneyFixtures.reviewBreakGlass;
import static org.childjourney.core.journey.JourneyFixtures.schoolConcernRaised;
import static org.childjourney.core.journey.JourneyFixtures.sealJourney;
import static org.childjourney.core.journey.JourneyFixtures.sharingDeclined;
import static org.childjourney.core.journey.JourneyFixtures.sharingRefused;
import static org.childjourney.core.journey.JourneyFixtures.startChildProtectionPlan;
import static org.childjourney.core.journey.JourneyFixtures.startInvolvement;
import static org.childjourney.core.journey.JourneyFixtures.unsealJourney;
import static org.childjourney.core.journey.JourneyFixtures.withdrawConsent;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.childjourney.core.access.BreakGlass;
import org.childjourney.core.access.BreakGlassGrant;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.JourneyRuleViolation.Rule;
import org.childjourney.core.journey.command.DeclineSharing;
import org.childjourney.core.journey.command.LinkJourney;
import org.childjourney.core.journey.command.RaisePossibleDuplicate;
import org.childjourney.core.journey.command.RecordEntry;
import org.childjourney.core.journey.command.ResolvePossibleDuplicate;
import org.childjourney.core.journey.command.UnlinkJourney;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.BreakGlassGranted;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.PossibleDuplicateRaised;
import org.childjourney.core.journey.event.PossibleDuplicateResolved;
import org.childjourney.core.person.Sensitive;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The child's journey as a safeguarding lead would describe it: given the entries already on the journey, when an
 * agency submits something, then this entry is added, or the submission is refused and nothing is added.
 */
class ChildJourneyTest {

    private FixtureConfiguration<ChildJourney> fixture;

    @BeforeEach
    void newJourneyFixture() {
        fixture = new AggregateTestFixture<>(ChildJourney.class);
    }

    /**
     * The submission is refused for breaking {@code rule}, in the rule's own words (never the child's details), and
     * nothing is recorded.
     */
    private static void refusedFor(ResultValidator<ChildJourney> result, Rule rule) {
        result.expectNoEvents()
                .expectException(breaking(rule))
                .expectExceptionMessage(rule.description());
    }

    private static Matcher<JourneyRuleViolation> breaking(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(JourneyRuleViolation violation) {
                return violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal for breaking ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(JourneyRuleViolation violation, Description description) {
                description.appendText("it broke ").appendValue(violation.rule());
            }
        };
    }

    @Nested
    class RecordingAContact {

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(recordContact())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(contactReceived());
        }

        @Test
        void addsTheContactAfterEarlierEntries() {
            fixture.given(aeAttendanceRecorded(), schoolConcernRaised())
                    .when(recordContact())
                    .expectEvents(contactReceived());
        }

        @Test
        void refusesAResentContactWithTheSameEntryId() {
            refusedFor(fixture.given(contactReceived()).when(recordContact()), Rule.ENTRY_ALREADY_RECORDED);
        }

        @Test
        void refusesAnEntryIdAlreadyUsedByADifferentKindOfEntry() {
            refusedFor(fixture.given(aeAttendanceRecorded()).when(recordContact(AE_ATTENDANCE)),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class DecidingOnAContact {

        @Test
        void recordsTheFrontDoorDecisionOnAContact() {
            fixture.given(contactReceived())
                    .when(decideContact())
                    .expectEvents(contactDecided());
        }

        @Test
        void recordsASecondDecisionOnTheSameContact() {
            EntryId secondDecision = entry(20);
            fixture.given(contactReceived(), contactDecided())
                    .when(decideContact(secondDecision, CONTACT))
                    .expectEvents(contactDecided(secondDecision, CONTACT));
        }

        @Test
        void recordsTheFrontDoorDecisionOnADomesticAbuseNotification() {
            fixture.given(domesticAbuseNotified())
                    .when(decideContact(CONTACT_DECISION, DOMESTIC_ABUSE_NOTIFICATION))
                    .expectEvents(contactDecided(CONTACT_DECISION, DOMESTIC_ABUSE_NOTIFICATION));
        }

        @Test
        void refusesADecisionOnAnEntryThatIsNotAContact() {
            refusedFor(fixture.given(contactReceived(), schoolConcernRaised())
                    .when(decideContact(CONTACT_DECISION, SCHOOL_CONCERN)), Rule.NOT_A_CONTACT);
        }

        @Test
        void refusesADecisionOnAnotherDecision() {
            refusedFor(fixture.given(contactReceived(), contactDecided())
                    .when(decideContact(entry(20), CONTACT_DECISION)), Rule.NOT_A_CONTACT);
        }

        @Test
        void refusesADecisionOnAContactThatIsNotOnTheJourney() {
            refusedFor(fixture.given(contactReceived())
                    .when(decideContact(CONTACT_DECISION, UNKNOWN_ENTRY)), Rule.NOT_A_CONTACT);
        }

        @Test
        void refusesADecisionAsTheFirstEntryOfABrandNewJourney() {
            refusedFor(fixture.givenNoPriorActivity().when(decideContact()), Rule.NOT_A_CONTACT);
        }

        @Test
        void refusesAResentDecisionWithTheSameEntryId() {
            refusedFor(fixture.given(contactReceived(), contactDecided()).when(decideContact()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class RecordingAnAeAttendance {

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(recordAeAttendance())
                    .expectEvents(aeAttendanceRecorded());
        }

        @Test
        void addsTheAttendanceAfterEarlierEntries() {
            fixture.given(contactReceived())
                    .when(recordAeAttendance())
                    .expectEvents(aeAttendanceRecorded());
        }

        @Test
        void refusesAResentAttendanceWithTheSameEntryId() {
            refusedFor(fixture.given(aeAttendanceRecorded()).when(recordAeAttendance()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class NotifyingDomesticAbuse {

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(notifyDomesticAbuse())
                    .expectEvents(domesticAbuseNotified());
        }

        @Test
        void addsTheNotificationAfterEarlierEntries() {
            fixture.given(contactReceived(), aeAttendanceRecorded())
                    .when(notifyDomesticAbuse())
                    .expectEvents(domesticAbuseNotified());
        }

        @Test
        void refusesAResentNotificationWithTheSameEntryId() {
            refusedFor(fixture.given(domesticAbuseNotified()).when(notifyDomesticAbuse()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }

        @Test
        void refusesAnEntryIdAlreadyUsedByAContact() {
            refusedFor(fixture.given(contactReceived()).when(notifyDomesticAbuse(CONTACT)),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class RaisingASchoolConcern {

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(raiseSchoolConcern())
                    .expectEvents(schoolConcernRaised());
        }

        @Test
        void addsTheConcernAfterEarlierEntries() {
            fixture.given(contactReceived())
                    .when(raiseSchoolConcern())
                    .expectEvents(schoolConcernRaised());
        }

        @Test
        void refusesAResentConcernWithTheSameEntryId() {
            refusedFor(fixture.given(schoolConcernRaised()).when(raiseSchoolConcern()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }

        @Test
        void refusesReusingTheIdOfAConcernThatWasRetracted() {
            refusedFor(fixture.given(schoolConcernRaised(), entryRetracted()).when(raiseSchoolConcern()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class StartingAChildProtectionPlan {

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(startChildProtectionPlan())
                    .expectEvents(childProtectionPlanStarted());
        }

        @Test
        void addsThePlanAfterEarlierEntries() {
            fixture.given(contactReceived(), contactDecided())
                    .when(startChildProtectionPlan())
                    .expectEvents(childProtectionPlanStarted());
        }

        @Test
        void refusesAResentPlanStartWithTheSameEntryId() {
            refusedFor(fixture.given(childProtectionPlanStarted()).when(startChildProtectionPlan()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class EndingAChildProtectionPlan {

        @Test
        void recordsTheEndOfAPlanThatWasStarted() {
            fixture.given(childProtectionPlanStarted())
                    .when(endChildProtectionPlan())
                    .expectEvents(childProtectionPlanEnded());
        }

        @Test
        void keepsTheEndOfAPlanWhoseStartWasNeverRecorded() {
            fixture.given(contactReceived())
                    .when(endChildProtectionPlan())
                    .expectEvents(childProtectionPlanEnded());
        }

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(endChildProtectionPlan())
                    .expectEvents(childProtectionPlanEnded());
        }

        @Test
        void refusesTheEndOfAPlanThatAnotherAgencyStarted() {
            Agency otherCounty = new Agency(AgencyCode.of("csc-elsewhere"), AgencyKind.CHILDRENS_SOCIAL_CARE);
            refusedFor(fixture.given(new ChildProtectionPlanStarted(JourneyFixtures.JOURNEY, PLAN_STARTED,
                    JourneyFixtures.provenance(otherCounty), JourneyFixtures.amy(),
                    JourneyFixtures.CONSENT_NOT_REQUIRED, PlanCategory.NEGLECT)).when(endChildProtectionPlan()),
                    Rule.PLAN_STARTED_BY_ANOTHER_AGENCY);
        }

        @Test
        void refusesReusingTheEntryIdOfThePlanStart() {
            refusedFor(fixture.given(childProtectionPlanStarted()).when(endChildProtectionPlan(PLAN_STARTED)),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class StartingAnInvolvement {

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(startInvolvement())
                    .expectEvents(involvementStarted());
        }

        @Test
        void addsTheInvolvementAfterEarlierEntries() {
            fixture.given(contactReceived(), contactDecided())
                    .when(startInvolvement())
                    .expectEvents(involvementStarted());
        }

        @Test
        void refusesAResentInvolvementWithTheSameEntryId() {
            refusedFor(fixture.given(involvementStarted()).when(startInvolvement()), Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class EndingAnInvolvement {

        @Test
        void recordsTheEndOfAnInvolvementThatWasStarted() {
            fixture.given(involvementStarted())
                    .when(endInvolvement())
                    .expectEvents(involvementEnded());
        }

        @Test
        void keepsTheEndOfAnInvolvementWhoseStartWasNeverRecorded() {
            fixture.given(contactReceived())
                    .when(endInvolvement())
                    .expectEvents(involvementEnded());
        }

        @Test
        void refusesAResentInvolvementEndWithTheSameEntryId() {
            refusedFor(fixture.given(involvementStarted(), involvementEnded()).when(endInvolvement()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class CorrectingAnEntry {

        @Test
        void recordsTheCorrectionAsANewEntryByTheRecordingAgency() {
            fixture.given(schoolConcernRaised())
                    .when(correctEntry())
                    .expectEvents(entryCorrected());
        }

        @Test
        void acceptsASecondCorrectionOfTheSameEntry() {
            EntryId secondCorrection = entry(20);
            fixture.given(schoolConcernRaised(), entryCorrected())
                    .when(correctEntry(secondCorrection, SCHOOL_PARKSIDE, SCHOOL_CONCERN))
                    .expectEvents(entryCorrected(secondCorrection, SCHOOL_PARKSIDE, SCHOOL_CONCERN));
        }

        @Test
        void refusesToCorrectAnEntryThatIsNotOnTheJourney() {
            refusedFor(fixture.given(schoolConcernRaised())
                    .when(correctEntry(CORRECTION, SCHOOL_PARKSIDE, UNKNOWN_ENTRY)), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesACorrectionAsTheFirstEntryOfABrandNewJourney() {
            refusedFor(fixture.givenNoPriorActivity().when(correctEntry()), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesToCorrectAnotherAgencysEntry() {
            refusedFor(fixture.given(schoolConcernRaised())
                    .when(correctEntry(CORRECTION, POLICE_EAST, SCHOOL_CONCERN)), Rule.NOT_RECORDING_AGENCY);
        }

        @Test
        void refusesToCorrectARetractedEntry() {
            refusedFor(fixture.given(schoolConcernRaised(), entryRetracted()).when(correctEntry()),
                    Rule.ALREADY_RETRACTED);
        }

        @Test
        void refusesToCorrectACorrection() {
            refusedFor(fixture.given(schoolConcernRaised(), entryCorrected())
                    .when(correctEntry(entry(20), SCHOOL_PARKSIDE, CORRECTION)), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesToCorrectARetraction() {
            refusedFor(fixture.given(schoolConcernRaised(), entryRetracted())
                    .when(correctEntry(CORRECTION, SCHOOL_PARKSIDE, RETRACTION)), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesAResentCorrectionWithTheSameEntryId() {
            refusedFor(fixture.given(schoolConcernRaised(), entryCorrected()).when(correctEntry()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class RetractingAnEntry {

        @Test
        void recordsTheRetractionAsANewEntryByTheRecordingAgency() {
            fixture.given(schoolConcernRaised())
                    .when(retractEntry())
                    .expectEvents(entryRetracted());
        }

        @Test
        void retractsAnEntryThatWasCorrectedEarlier() {
            fixture.given(schoolConcernRaised(), entryCorrected())
                    .when(retractEntry())
                    .expectEvents(entryRetracted());
        }

        @Test
        void refusesToRetractAnEntryThatIsNotOnTheJourney() {
            refusedFor(fixture.given(schoolConcernRaised())
                    .when(retractEntry(RETRACTION, SCHOOL_PARKSIDE, UNKNOWN_ENTRY)), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesARetractionAsTheFirstEntryOfABrandNewJourney() {
            refusedFor(fixture.givenNoPriorActivity().when(retractEntry()), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesToRetractAnotherAgencysEntry() {
            refusedFor(fixture.given(aeAttendanceRecorded())
                    .when(retractEntry(RETRACTION, SCHOOL_PARKSIDE, AE_ATTENDANCE)), Rule.NOT_RECORDING_AGENCY);
        }

        @Test
        void refusesToRetractAnEntryTwice() {
            refusedFor(fixture.given(schoolConcernRaised(), entryRetracted())
                    .when(retractEntry(entry(20), SCHOOL_PARKSIDE, SCHOOL_CONCERN)), Rule.ALREADY_RETRACTED);
        }

        @Test
        void refusesToRetractACorrection() {
            refusedFor(fixture.given(schoolConcernRaised(), entryCorrected())
                    .when(retractEntry(RETRACTION, SCHOOL_PARKSIDE, CORRECTION)), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesToRetractARetraction() {
            refusedFor(fixture.given(aeAttendanceRecorded(), entryRetracted(RETRACTION, HOSPITAL_NORTH, AE_ATTENDANCE))
                    .when(retractEntry(entry(20), HOSPITAL_NORTH, RETRACTION)), Rule.NO_SUCH_ENTRY);
        }

        @Test
        void refusesAResentRetractionWithTheSameEntryId() {
            refusedFor(fixture.given(schoolConcernRaised(), entryRetracted()).when(retractEntry()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class RecordingConsent {

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(recordConsent())
                    .expectEvents(consentRecorded());
        }

        @Test
        void recordsConsentForAScopeAfterEarlierEntries() {
            fixture.given(contactReceived(), schoolConcernRaised())
                    .when(recordConsent())
                    .expectEvents(consentRecorded());
        }

        @Test
        void refusesAResentConsentRecordWithTheSameEntryId() {
            refusedFor(fixture.given(consentRecorded()).when(recordConsent()), Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class WithdrawingConsent {

        @Test
        void recordsTheWithdrawalAndKeepsEarlierEntries() {
            fixture.given(contactReceived(), consentRecorded())
                    .when(withdrawConsent())
                    .expectEvents(consentWithdrawn());
        }

        @Test
        void opensTheJourneyWhenItIsTheChildsFirstEntry() {
            fixture.givenNoPriorActivity()
                    .when(withdrawConsent())
                    .expectEvents(consentWithdrawn());
        }

        @Test
        void refusesAResentWithdrawalWithTheSameEntryId() {
            refusedFor(fixture.given(consentRecorded(), consentWithdrawn()).when(withdrawConsent()),
                    Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class ReleasingEntries {

        @Test
        void recordsTheHubsReleaseOfEntriesOnTheJourney() {
            fixture.given(contactReceived(), domesticAbuseNotified(), childProtectionPlanStarted())
                    .when(releaseEntries())
                    .expectEvents(entriesReleased());
        }

        @Test
        void releasesAnEntryAgainToTheSameAgency() {
            fixture.given(domesticAbuseNotified(), childProtectionPlanStarted(), entriesReleased())
                    .when(releaseEntries(List.of(DOMESTIC_ABUSE_NOTIFICATION)))
                    .expectEvents(entriesReleased(List.of(DOMESTIC_ABUSE_NOTIFICATION)));
        }

        @Test
        void refusesAndRecordsAReleaseNamingAnEntryThatIsNotOnTheJourney() {
            List<EntryId> named = List.of(DOMESTIC_ABUSE_NOTIFICATION, UNKNOWN_ENTRY);
            fixture.given(domesticAbuseNotified(), childProtectionPlanStarted())
                    .when(releaseEntries(named))
                    .expectEvents(sharingRefused(HUB_MEMBER, true, named, SharingRefusal.NOT_ON_JOURNEY))
                    .expectResultMessagePayload(SharingRefusal.NOT_ON_JOURNEY);
        }

        @Test
        void refusesAndRecordsAReleaseNamingNoEntries() {
            fixture.given(domesticAbuseNotified())
                    .when(releaseEntries(List.of()))
                    .expectEvents(sharingRefused(HUB_MEMBER, true, List.of(), SharingRefusal.NOT_ON_JOURNEY))
                    .expectResultMessagePayload(SharingRefusal.NOT_ON_JOURNEY);
        }

        @Test
        void refusesAndRecordsAReleaseByTheHubWithNothingAwaitingItsDecision() {
            fixture.given(aeAttendanceRecorded())
                    .when(releaseEntries(List.of(AE_ATTENDANCE)))
                    .expectEvents(sharingRefused(HUB_MEMBER, true, List.of(AE_ATTENDANCE), SharingRefusal.NO_GROUND))
                    .expectResultMessagePayload(SharingRefusal.NO_GROUND);
        }

        @Test
        void refusesAReleaseFromAJourneyTheRecordDoesNotHold() {
            fixture.givenNoPriorActivity()
                    .when(releaseEntries())
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class DecliningToShare {

        @Test
        void recordsTheDecisionNotToShareEntriesOnTheJourney() {
            fixture.given(contactReceived(), aeAttendanceRecorded())
                    .when(declineSharing())
                    .expectEvents(sharingDeclined());
        }

        @Test
        void recordsADecisionNotToShareAnEntryThatWasReleasedEarlier() {
            fixture.given(contactReceived(), aeAttendanceRecorded(), entriesReleased(List.of(AE_ATTENDANCE)))
                    .when(declineSharing())
                    .expectEvents(sharingDeclined());
        }

        @Test
        void refusesAndRecordsADecisionNamingAnEntryThatIsNotOnTheJourney() {
            List<EntryId> named = List.of(AE_ATTENDANCE, UNKNOWN_ENTRY);
            fixture.given(contactReceived(), aeAttendanceRecorded())
                    .when(declineSharing(named))
                    .expectEvents(sharingRefused(HUB_MEMBER, false, named, SharingRefusal.NOT_ON_JOURNEY))
                    .expectResultMessagePayload(SharingRefusal.NOT_ON_JOURNEY);
        }

        @Test
        void refusesAndRecordsADecisionByAPractitionerWithoutAGround() {
            fixture.given(contactReceived(), aeAttendanceRecorded())
                    .when(new DeclineSharing(JOURNEY, groundlessRequest(), SCHOOL_PARKSIDE.code(),
                            List.of(AE_ATTENDANCE), Sensitive.of("Fictional: a teacher's decision")))
                    .expectEvents(sharingRefused(SCHOOL_PRACTITIONER, false, List.of(AE_ATTENDANCE),
                            SharingRefusal.NO_GROUND))
                    .expectResultMessagePayload(SharingRefusal.NO_GROUND);
        }

        @Test
        void refusesADecisionOnAJourneyTheRecordDoesNotHold() {
            fixture.givenNoPriorActivity()
                    .when(declineSharing())
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class HoldingAStrategyDiscussion {

        @Test
        void recordsTheDiscussionItsParticipantsAndItsDecision() {
            fixture.given(contactReceived())
                    .when(JourneyFixtures.holdStrategyDiscussion())
                    .expectEvents(JourneyFixtures.strategyDiscussionHeld());
        }

        @Test
        void refusesAResentDiscussionWithTheSameEntryId() {
            refusedFor(fixture.given(JourneyFixtures.strategyDiscussionHeld())
                    .when(JourneyFixtures.holdStrategyDiscussion()), Rule.ENTRY_ALREADY_RECORDED);
        }
    }

    @Nested
    class ConcludingAnEnquiry {

        @Test
        void recordsTheOutcomeOfTheEnquiryADiscussionOpened() {
            fixture.given(JourneyFixtures.strategyDiscussionHeld())
                    .when(JourneyFixtures.concludeEnquiry())
                    .expectEvents(JourneyFixtures.enquiryConcluded());
        }

        @Test
        void refusesAnOutcomeWhenTheDiscussionOpenedNoEnquiry() {
            refusedFor(fixture.given(JourneyFixtures.strategyDiscussionHeld(StrategyDecision.CHILD_IN_NEED))
                    .when(JourneyFixtures.concludeEnquiry()), Rule.NOT_AN_OPEN_ENQUIRY);
        }

        @Test
        void refusesAnOutcomeForAnEnquiryAlreadyConcluded() {
            refusedFor(fixture.given(JourneyFixtures.strategyDiscussionHeld(), JourneyFixtures.enquiryConcluded())
                    .when(new RecordEntry(new EnquiryConcluded(JourneyFixtures.JOURNEY, entry(20),
                            JourneyFixtures.provenance(JourneyFixtures.CSC_COUNTY), JourneyFixtures.amy(),
                            JourneyFixtures.CONSENT_NOT_REQUIRED, JourneyFixtures.STRATEGY_DISCUSSION,
                            EnquiryOutcome.NO_FURTHER_ACTION, Sensitive.of("Fictional: a second outcome")))),
                    Rule.NOT_AN_OPEN_ENQUIRY);
        }

        @Test
        void refusesAnOutcomeNamingAnEntryThatIsNotADiscussion() {
            refusedFor(fixture.given(contactReceived()).when(new RecordEntry(new EnquiryConcluded(
                    JourneyFixtures.JOURNEY, JourneyFixtures.ENQUIRY_OUTCOME,
                    JourneyFixtures.provenance(JourneyFixtures.CSC_COUNTY), JourneyFixtures.amy(),
                    JourneyFixtures.CONSENT_NOT_REQUIRED, CONTACT, EnquiryOutcome.NO_FURTHER_ACTION,
                    Sensitive.of("Fictional: no enquiry")))),
                    Rule.NOT_AN_OPEN_ENQUIRY);
        }
    }

    @Nested
    class ChangingTheTeamAroundTheChild {

        @Test
        void recordsAMemberAddedBySocialCare() {
            fixture.given(contactReceived())
                    .when(JourneyFixtures.addTeamMember())
                    .expectEvents(JourneyFixtures.teamMemberAdded());
        }

        @Test
        void recordsAMemberRemoved() {
            fixture.given(JourneyFixtures.teamMemberAdded())
                    .when(JourneyFixtures.removeTeamMember())
                    .expectEvents(JourneyFixtures.teamMemberRemoved());
        }
    }

    @Nested
    class SealingTheJourney {

        @Test
        void sealsTheJourneyAndErasesNothing() {
            fixture.given(contactReceived(), childProtectionPlanStarted())
                    .when(sealJourney())
                    .expectEvents(journeySealed());
        }

        @Test
        void refusesToSealAJourneyTwice() {
            refusedFor(fixture.given(contactReceived(), journeySealed()).when(sealJourney()), Rule.ALREADY_SEALED);
        }

        @Test
        void sealsAgainAJourneyThatWasUnsealed() {
            fixture.given(contactReceived(), journeySealed(), journeyUnsealed())
                    .when(sealJourney())
                    .expectEvents(journeySealed());
        }

        @Test
        void refusesToSealAJourneyTheRecordDoesNotHold() {
            fixture.givenNoPriorActivity()
                    .when(sealJourney())
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class ErasingTheJourney {

        @Test
        void recordsWhoErasedItOnWhatGroundAndWhy() {
            fixture.given(contactReceived(), childProtectionPlanStarted())
                    .when(eraseJourney())
                    .expectEvents(journeyErased());
        }

        @Test
        void takesNothingOnceErased() {
            refusedFor(fixture.given(contactReceived(), journeyErased()).when(sealJourney()), Rule.JOURNEY_ERASED);
            refusedFor(fixture.given(contentErased(), journeyErased()).when(eraseJourney()), Rule.JOURNEY_ERASED);
        }

        @Test
        void refusesAnEntryForAnErasedJourney() {
            refusedFor(fixture.given(contentErased(), journeyErased()).when(recordAeAttendance()),
                    Rule.JOURNEY_ERASED);
        }

        @Test
        void refusesToEraseAJourneyWithAPossibleDuplicateUndecided() {
            refusedFor(fixture.given(contactReceived(), possibleDuplicateRaised()).when(eraseJourney()),
                    Rule.DUPLICATE_UNDECIDED);
        }

        @Test
        void refusesToEraseALinkedJourney() {
            refusedFor(fixture.given(contactReceived(), journeysLinked()).when(eraseJourney()), Rule.STILL_LINKED);
        }
    }

    @Nested
    class BreakingGlass {

        private static final String NEXT_GRANT = "00000000-0000-4000-8000-0000000000b2";

        @Test
        void opensAGrantOfFourHoursTellsTheAgenciesWithEntriesAndAnswersIt() {
            fixture.given(contactReceived())
                    .when(openBreakGlass(GRANT_ID, GRANT_OPENED_AT))
                    .expectEvents(breakGlassGranted(), toldOf(GRANT_ID))
                    .expectResultMessagePayload(new BreakGlassGrant(GRANT_ID, SCHOOL_PRACTITIONER.username(),
                            GRANT_OPENED_AT, GRANT_EXPIRES_AT, true));
        }

        @Test
        void aReadWhileTheGrantIsOpenOpensNone() {
            fixture.given(contactReceived(), breakGlassGranted())
                    .when(openBreakGlass(NEXT_GRANT, GRANT_EXPIRES_AT.minusSeconds(1)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new BreakGlassGrant(GRANT_ID, SCHOOL_PRACTITIONER.username(),
                            GRANT_OPENED_AT, GRANT_EXPIRES_AT, false));
        }

        @Test
        void aReadWhenTheGrantHasExpiredOpensANewOne() {
            fixture.given(contactReceived(), breakGlassGranted())
                    .when(openBreakGlass(NEXT_GRANT, GRANT_EXPIRES_AT))
                    .expectEvents(new BreakGlassGranted(JOURNEY, NEXT_GRANT, SCHOOL_PRACTITIONER,
                            Sensitive.of(EMERGENCY_JUSTIFICATION), GRANT_EXPIRES_AT,
                            GRANT_EXPIRES_AT.plus(BreakGlass.WINDOW)), toldOf(NEXT_GRANT));
        }

        @Test
        void aSealEndsTheGrant() {
            Instant afterUnsealing = GRANT_OPENED_AT.plusSeconds(600);
            fixture.given(contactReceived(), breakGlassGranted(), journeySealed(), journeyUnsealed())
                    .when(openBreakGlass(NEXT_GRANT, afterUnsealing))
                    .expectEvents(new BreakGlassGranted(JOURNEY, NEXT_GRANT, SCHOOL_PRACTITIONER,
                            Sensitive.of(EMERGENCY_JUSTIFICATION), afterUnsealing,
                            afterUnsealing.plus(BreakGlass.WINDOW)), toldOf(NEXT_GRANT));
        }

        /** The notice of a grant to the only agency with entries, the county's social care, with no lead yet. */
        private static AgencyNotified toldOf(String grantId) {
            return new AgencyNotified(grantId + "-csc-county", CSC_COUNTY.code(), NoticeKind.BREAK_GLASS_NOTICE,
                    JOURNEY, List.of(), "A practitioner of school-parkside read this child's record by emergency "
                            + "access, for four hours; the access is flagged for the auditors' review.", null);
        }

        @Test
        void grantsNothingOnASealedJourney() {
            refusedFor(fixture.given(contactReceived(), journeySealed())
                    .when(openBreakGlass(GRANT_ID, GRANT_OPENED_AT)), Rule.ALREADY_SEALED);
        }

        @Test
        void recordsAnAuditorsReviewOnce() {
            fixture.given(contactReceived(), breakGlassGranted())
                    .when(reviewBreakGlass())
                    .expectEvents(breakGlassReviewed());
            refusedFor(fixture.given(contactReceived(), breakGlassGranted(), breakGlassReviewed())
                    .when(reviewBreakGlass()), Rule.NO_GRANT_TO_REVIEW);
            refusedFor(fixture.given(contactReceived()).when(reviewBreakGlass()), Rule.NO_GRANT_TO_REVIEW);
        }
    }

    @Nested
    class AcknowledgingNotices {

        @Test
        void raisesANoticeForAnAgency() {
            fixture.given(contactReceived()).when(raiseNotice()).expectEvents(agencyNotified());
        }

        @Test
        void recordsTheAgencysReceiptOnce() {
            fixture.given(contactReceived(), agencyNotified())
                    .when(acknowledgeNotice(SCHOOL_PARKSIDE.code()))
                    .expectEvents(noticeAcknowledged());
            fixture.given(contactReceived(), agencyNotified(), noticeAcknowledged())
                    .when(acknowledgeNotice(SCHOOL_PARKSIDE.code()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAReceiptFromAnotherAgencyOrForNoNotice() {
            refusedFor(fixture.given(contactReceived(), agencyNotified()).when(acknowledgeNotice(CSC_COUNTY.code())),
                    Rule.NO_SUCH_NOTICE);
            refusedFor(fixture.given(contactReceived()).when(acknowledgeNotice(SCHOOL_PARKSIDE.code())),
                    Rule.NO_SUCH_NOTICE);
        }
    }

    @Nested
    class DecidingAPossibleDuplicate {

        @Test
        void raisesATaskForTheHubAndRecordsItsDecisionOnce() {
            PossibleDuplicateRaised raised = JourneyFixtures.possibleDuplicateRaised();
            fixture.given(contactReceived())
                    .when(new RaisePossibleDuplicate(JOURNEY, raised.taskId(), raised.otherJourneyId(),
                            raised.reason(), raised.score(), raised.reasons()))
                    .expectEvents(raised);
            fixture.given(contactReceived(), raised).when(resolve()).expectEvents(
                    JourneyFixtures.possibleDuplicateResolved()).expectResultMessagePayload(raised.otherJourneyId());
            refusedFor(fixture.given(contactReceived(), raised, JourneyFixtures.possibleDuplicateResolved())
                    .when(resolve()), Rule.NO_SUCH_TASK);
            refusedFor(fixture.given(contactReceived()).when(resolve()), Rule.NO_SUCH_TASK);
        }

        private ResolvePossibleDuplicate resolve() {
            PossibleDuplicateResolved resolved = JourneyFixtures.possibleDuplicateResolved();
            return new ResolvePossibleDuplicate(JOURNEY, resolved.taskId(), resolved.decidedBy(), resolved.decision(),
                    resolved.evidence());
        }
    }

    @Nested
    class LinkingJourneys {

        private final LinkJourney link = new LinkJourney(JOURNEY, JourneyFixtures.OTHER_JOURNEY,
                JourneyFixtures.HUB_MEMBER, JourneyFixtures.journeysLinked().evidence());
        private final UnlinkJourney unlink = new UnlinkJourney(JOURNEY, JourneyFixtures.OTHER_JOURNEY,
                JourneyFixtures.HUB_MEMBER, JourneyFixtures.journeysUnlinked().evidence());

        @Test
        void linksOnceAndUnlinksOnce() {
            fixture.given(contactReceived()).when(link).expectEvents(JourneyFixtures.journeysLinked());
            refusedFor(fixture.given(contactReceived(), JourneyFixtures.journeysLinked()).when(link),
                    Rule.ALREADY_LINKED);
            fixture.given(contactReceived(), JourneyFixtures.journeysLinked()).when(unlink)
                    .expectEvents(JourneyFixtures.journeysUnlinked());
            refusedFor(fixture.given(contactReceived(), JourneyFixtures.journeysLinked(),
                    JourneyFixtures.journeysUnlinked()).when(unlink), Rule.NOT_LINKED);
            fixture.given(contactReceived(), JourneyFixtures.journeysLinked(), JourneyFixtures.journeysUnlinked())
                    .when(link).expectEvents(JourneyFixtures.journeysLinked());
        }

        @Test
        void neverToItselfNorWhileSealed() {
            refusedFor(fixture.given(contactReceived()).when(new LinkJourney(JOURNEY, JOURNEY,
                    JourneyFixtures.HUB_MEMBER, link.evidence())), Rule.LINKED_TO_ITSELF);
            refusedFor(fixture.given(contactReceived(), journeySealed()).when(link), Rule.ALREADY_SEALED);
        }
    }

    @Nested
    class UnsealingTheJourney {

        @Test
        void unsealsASealedJourney() {
            fixture.given(contactReceived(), journeySealed())
                    .when(unsealJourney())
                    .expectEvents(journeyUnsealed());
        }

        @Test
        void refusesToUnsealAJourneyThatWasNeverSealed() {
            refusedFor(fixture.given(contactReceived()).when(unsealJourney()), Rule.NOT_SEALED);
        }

        @Test
        void refusesToUnsealAJourneyTwice() {
            refusedFor(fixture.given(contactReceived(), journeySealed(), journeyUnsealed()).when(unsealJourney()),
                    Rule.NOT_SEALED);
        }

        @Test
        void unsealsAgainAfterSealingUnsealingAndSealing() {
            fixture.given(contactReceived(), journeySealed(), journeyUnsealed(), journeySealed())
                    .when(unsealJourney())
                    .expectEvents(journeyUnsealed());
        }
    }
}

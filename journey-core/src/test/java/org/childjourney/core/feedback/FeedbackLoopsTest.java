package org.childjourney.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childjourney.core.feedback.FeedbackStory.CSC;
import static org.childjourney.core.feedback.FeedbackStory.HOSPITAL;
import static org.childjourney.core.feedback.FeedbackStory.PARKSIDE;
import static org.childjourney.core.feedback.FeedbackStory.POLICE;

import java.time.Instant;
import java.util.List;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.junit.jupiter.api.Test;

/** What an entry tells the agencies around a fictional child, decided on the journey before it. */
class FeedbackLoopsTest {

    private final FeedbackStory story = new FeedbackStory();

    @Test
    void aDecisionTellsTheSenderAndTheReferrerTheDecisionAndItsDateNeverTheRationale() {
        ContactReceived contact = FeedbackStory.contact(PARKSIDE, "2026-11-20T15:00:00Z", POLICE.code());
        story.record(contact);
        ContactDecided decided = FeedbackStory.decision(contact.entryId(), FrontDoorDecision.EARLY_HELP,
                "2026-11-23T10:00:00Z");

        List<Notice> told = story.record(decided);

        assertThat(told).extracting(Notice::agency).containsExactly(PARKSIDE.code(), POLICE.code());
        assertThat(told).allSatisfy(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.REFERRAL_OUTCOME);
            assertThat(notice.summary()).isEqualTo("The front door decided on the contact of 2026-11-20: early help,"
                    + " on 2026-11-23.").doesNotContain(FeedbackStory.RATIONALE);
            assertThat(notice.entryIds()).containsExactly(contact.entryId(), decided.entryId());
        });
        assertThat(told.get(0).noticeId()).as("derived: the same notice however often it is derived")
                .isEqualTo("referral-outcome-" + decided.entryId() + "-school-parkside");
    }

    @Test
    void theFrontDoorIsNotToldOfItsOwnDecisionOnAContactItRecorded() {
        ContactReceived own = FeedbackStory.contact(CSC, "2026-11-20T15:00:00Z", null);
        story.record(own);

        assertThat(story.record(FeedbackStory.decision(own.entryId(), FrontDoorDecision.ADVICE,
                "2026-11-21T10:00:00Z"))).isEmpty();
    }

    @Test
    void aPlanStartingOrEndingTellsEveryOtherAgencyWithAnOpenInvolvement() {
        story.record(FeedbackStory.involvement(HOSPITAL, "2026-11-01T09:00:00Z"));
        story.record(FeedbackStory.involvement(PARKSIDE, "2026-11-02T09:00:00Z"));
        story.record(FeedbackStory.involvement(CSC, "2026-11-03T09:00:00Z"));

        List<Notice> started = story.record(FeedbackStory.planStarted("2026-11-25T12:00:00Z"));
        List<Notice> ended = story.record(FeedbackStory.planEnded("2027-05-25T12:00:00Z"));

        assertThat(started).extracting(Notice::agency).containsExactly(HOSPITAL.code(), PARKSIDE.code());
        assertThat(started).allSatisfy(notice -> assertThat(notice.summary())
                .isEqualTo("A child protection plan started for this child on 2026-11-25 (csc-county)."));
        assertThat(ended).extracting(Notice::kind).containsOnly(NoticeKind.PLAN_NOTICE).hasSize(2);
        assertThat(ended.get(0).summary()).startsWith("This child's child protection plan ended on 2027-05-25");
    }

    @Test
    void operationEncompassTellsTheChildsSchoolAloneWithoutPoliceDetailForTheNextSchoolDay() {
        story.record(FeedbackStory.involvement(PARKSIDE, "2026-09-01T08:00:00Z"));
        story.record(FeedbackStory.involvement(HOSPITAL, "2026-09-02T08:00:00Z"));
        DomesticAbuseNotified friday = FeedbackStory.domesticAbuse("2026-11-27T21:40:00Z", true);

        List<Notice> told = story.record(friday, Instant.parse("2026-11-27T22:05:00Z"));

        assertThat(told).hasSize(1);
        Notice notice = told.get(0);
        assertThat(notice.agency()).as("no other school, no other agency").isEqualTo(PARKSIDE.code());
        assertThat(notice.kind()).isEqualTo(NoticeKind.ENCOMPASS_NOTICE);
        assertThat(notice.deliverBy()).as("Monday 08:00").isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(notice.summary()).contains("2026-11-30").doesNotContain("INC-FICTIONAL-7", "high");
        assertThat(story.record(FeedbackStory.domesticAbuse("2026-11-28T21:40:00Z", false))).isEmpty();
    }

    @Test
    void theNextSchoolDayIsTheSameMorningBeforeEightAndNeverAWeekendInEnglandsTime() {
        assertThat(FeedbackLoops.nextSchoolDay(Instant.parse("2026-11-24T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(FeedbackLoops.nextSchoolDay(Instant.parse("2026-11-24T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(FeedbackLoops.nextSchoolDay(Instant.parse("2026-06-10T06:30:00Z"))).as("07:30 in summer time")
                .isEqualTo(Instant.parse("2026-06-10T07:00:00Z"));
        assertThat(FeedbackLoops.nextSchoolDay(Instant.parse("2026-11-28T02:00:00Z"))).as("Saturday night")
                .isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    }
}

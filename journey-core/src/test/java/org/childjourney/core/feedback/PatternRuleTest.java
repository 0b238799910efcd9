package org.childjourney.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.childjourney.core.feedback.FeedbackStory.CSC;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.FrontDoorDecision;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ContactReceived;
import org.junit.jupiter.api.Test;

/** Each kind of pattern rule over a fictional child's journey: alerts once, cites its entries, counts plainly. */
class PatternRuleTest {

    private static final PatternRule THREE_ATTENDANCES = new PatternRule("repeated-emergency-attendances",
            PatternRule.Kind.COUNT_WITHIN, List.of("ae-attendance"), 3, Duration.ofDays(183), List.of(), true,
            "Emergency department attendances within six months");
    private static final PatternRule DURING_A_PLAN = new PatternRule("attendance-during-a-plan",
            PatternRule.Kind.DURING_PLAN, List.of("ae-attendance"), 1, null, List.of(), true,
            "An emergency department attendance of a child on a child protection plan");
    private static final PatternRule CONCERNS = new PatternRule("concerns-without-a-decision",
            PatternRule.Kind.AGENCIES_WITHOUT_DECISION,
            List.of("contact", "school-concern", "domestic-abuse-notification"), 3, Duration.ofDays(31),
            List.of("contact-decision:referral", "strategy-discussion"), true, "Concerns from several agencies");

    @Test
    void threeAttendancesWithinSixMonthsAlertAtTheThirdOnlyAndAgainForANewThree() {
        FeedbackStory story = new FeedbackStory(THREE_ATTENDANCES);
        story.record(FeedbackStory.involvement(CSC, "2026-01-05T09:00:00Z"));
        AeAttendanceRecorded first = FeedbackStory.attendance("2026-03-01T10:00:00Z");
        story.record(first);
        story.record(FeedbackStory.attendance("2026-05-01T10:00:00Z"));
        AeAttendanceRecorded third = FeedbackStory.attendance("2026-07-01T10:00:00Z");

        List<Notice> atThird = story.record(third);
        List<Notice> atFourth = story.record(FeedbackStory.attendance("2026-08-01T10:00:00Z"));
        List<Notice> aNewThree = story.record(FeedbackStory.attendance("2026-12-01T10:00:00Z"));

        assertThat(atThird).hasSize(1);
        Notice alert = atThird.get(0);
        assertThat(alert.kind()).isEqualTo(NoticeKind.PATTERN_ALERT);
        assertThat(alert.agency()).as("the lead").isEqualTo(CSC.code());
        assertThat(alert.entryIds()).hasSize(3).startsWith(first.entryId()).endsWith(third.entryId());
        assertThat(alert.summary()).isEqualTo("Emergency department attendances within six months: 3 within 183"
                + " days: 2026-03-01, 2026-05-01, 2026-07-01. Rule repeated-emergency-attendances, version"
                + " 2026.12-test.");
        assertThat(alert.noticeId()).isEqualTo("pattern-alert-repeated-emergency-attendances-" + third.entryId());
        assertThat(atFourth).as("the same window: said already").isEmpty();
        assertThat(aNewThree).as("2026-07, 2026-08, 2026-12 within six months").hasSize(1);
    }

    @Test
    void anEntrySentLateCountsWhereItBelongs() {
        FeedbackStory story = new FeedbackStory(THREE_ATTENDANCES);
        story.record(FeedbackStory.involvement(CSC, "2026-01-05T09:00:00Z"));
        story.record(FeedbackStory.attendance("2026-03-01T10:00:00Z"));
        story.record(FeedbackStory.attendance("2026-07-01T10:00:00Z"));

        List<Notice> late = story.record(FeedbackStory.attendance("2026-05-01T10:00:00Z"),
                Instant.parse("2026-09-01T10:00:00Z"));
        List<Notice> later = story.record(FeedbackStory.attendance("2026-08-01T10:00:00Z"));

        assertThat(late).as("three within 122 days, the middle one sent late").hasSize(1);
        assertThat(late.get(0).summary()).contains("2026-03-01, 2026-05-01, 2026-07-01");
        assertThat(later).as("said already").isEmpty();
    }

    /** Without a lead the hub's social care is told that a rule found something, and nothing it may not see. */
    @Test
    void withoutALeadTheHubHearsOnlyThatARuleFoundSomething() {
        FeedbackStory story = new FeedbackStory(THREE_ATTENDANCES);
        story.record(FeedbackStory.attendance("2026-03-01T10:00:00Z"));
        story.record(FeedbackStory.attendance("2026-05-01T10:00:00Z"));

        List<Notice> alerts = story.record(FeedbackStory.attendance("2026-07-01T10:00:00Z"));

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).agency()).isEqualTo(CSC.code());
        assertThat(alerts.get(0).entryIds()).isEmpty();
        assertThat(alerts.get(0).summary()).startsWith("Emergency department attendances within six months: found")
                .doesNotContain("2026-", "hospital");
    }

    @Test
    void anAttendanceWhileAPlanIsOpenAlertsTheLeadCitingThePlan() {
        FeedbackStory story = new FeedbackStory(DURING_A_PLAN);
        story.record(FeedbackStory.attendance("2026-10-01T10:00:00Z"));
        story.record(FeedbackStory.involvement(CSC, "2026-10-02T10:00:00Z"));
        ChildProtectionPlanStarted plan = FeedbackStory.planStarted("2026-10-20T10:00:00Z");
        story.record(plan);
        AeAttendanceRecorded attendance = FeedbackStory.attendance("2026-11-01T10:00:00Z");

        List<Notice> alerts = story.record(attendance);
        story.record(FeedbackStory.planEnded("2026-11-10T10:00:00Z"));
        List<Notice> afterThePlan = story.record(FeedbackStory.attendance("2026-11-20T10:00:00Z"));

        assertThat(story.alerts).hasSize(1);
        assertThat(alerts.get(0).entryIds()).containsExactly(plan.entryId(), attendance.entryId());
        assertThat(alerts.get(0).summary())
                .contains("on 2026-11-01, with a child protection plan open since 2026-10-20");
        assertThat(afterThePlan).isEmpty();
        assertThat(story.record(FeedbackStory.attendance("2026-11-05T10:00:00Z"))).as("sent late, during the plan")
                .hasSize(1);
    }

    @Test
    void concernsFromThreeAgenciesWithinAMonthAlertUnlessAReferralWasDecided() {
        FeedbackStory story = new FeedbackStory(CONCERNS);
        story.record(FeedbackStory.involvement(CSC, "2026-10-01T09:00:00Z"));
        story.record(FeedbackStory.schoolConcern("2026-11-02T10:00:00Z"));
        story.record(FeedbackStory.domesticAbuse("2026-11-10T23:00:00Z", false));
        story.record(FeedbackStory.domesticAbuse("2026-11-12T23:00:00Z", false));
        List<Notice> third = story.record(FeedbackStory.contact(FeedbackStory.HOSPITAL, "2026-11-20T10:00:00Z",
                null));

        assertThat(third).hasSize(1);
        assertThat(third.get(0).summary())
                .contains("4 from 3 agencies (school-parkside, police-east, hospital-north)");

        FeedbackStory decided = new FeedbackStory(CONCERNS);
        ContactReceived first = FeedbackStory.contact(CSC, "2026-11-02T10:00:00Z", null);
        decided.record(first);
        decided.record(FeedbackStory.decision(first.entryId(), FrontDoorDecision.REFERRAL, "2026-11-03T10:00:00Z"));
        decided.record(FeedbackStory.domesticAbuse("2026-11-10T23:00:00Z", false));
        assertThat(decided.record(FeedbackStory.schoolConcern("2026-11-20T10:00:00Z"))).isEmpty();
    }

    @Test
    void aRuleNamingNoEntryTypeOrWithoutAPeriodIsRefused() {
        assertThatThrownBy(() -> new PatternRule("typo", PatternRule.Kind.DURING_PLAN, List.of("ae-atendance"), 1,
                null, List.of(), true, "A typo")).hasMessageContaining("ae-atendance");
        assertThatThrownBy(() -> new PatternRule("no-period", PatternRule.Kind.COUNT_WITHIN,
                List.of("ae-attendance"), 3, null, List.of(), true, "No period")).hasMessageContaining("period");
    }
}

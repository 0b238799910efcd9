package org.childjourney.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.query.timeline.Timeline;
import org.junit.jupiter.api.Test;

/** How the journey page reads a timeline: months and clocks in England's time, words for codes, the panel. */
class TimelinePageTest {

    private static final AgencyRegister REGISTER = new AgencyRegister(Map.of("csc-county",
            AgencyKind.CHILDRENS_SOCIAL_CARE, "school-parkside", AgencyKind.EDUCATION, "hospital-north",
            AgencyKind.HEALTH), null, null);
    private static final TimelinePage.Filter EVERYTHING = new TimelinePage.Filter(null, null, null, null);

    @Test
    void monthsAreEnglandsSoAnEveningEntryAtTheEndOfMarchIsInApril() {
        TimelinePage page = TimelinePage.of(List.of(
                entry("contact", "csc-county", "2026-03-31T23:30:00Z", Map.of()),
                entry("contact", "csc-county", "2026-10-31T23:30:00Z", Map.of())), EVERYTHING, REGISTER);

        assertThat(page.months()).extracting(TimelinePage.Month::label).containsExactly("April 2026", "October 2026");
        assertThat(page.months().get(0).entries().get(0).occurred()).isEqualTo("1 Apr 2026, 00:30");
    }

    @Test
    void bothClocksOnlyWhereTheyDifferByAnHourOrMore() {
        Timeline.Entry prompt = entry("contact", "csc-county", "2026-11-20T10:00:00Z", Map.of(),
                "2026-11-20T10:59:00Z");
        Timeline.Entry late = entry("contact", "csc-county", "2026-11-20T10:00:00Z", Map.of(),
                "2026-11-22T09:00:00Z");

        List<TimelinePage.EntryView> views = TimelinePage.of(List.of(prompt, late), EVERYTHING, REGISTER).months()
                .get(0).entries();

        assertThat(views.get(0).recorded()).isNull();
        assertThat(views.get(1).recorded()).isEqualTo("22 Nov 2026, 09:00");
    }

    @Test
    void codesReadAsWordsButAgenciesStayTheirCodes() {
        TimelinePage page = TimelinePage.of(List.of(entry("team-member-added", "csc-county", "2026-11-20T10:00:00Z",
                Map.of("agency", "school-parkside", "role", "team-around-the-family", "dischargedAt",
                        "2026-11-20T12:00:00Z", "injury", true))), EVERYTHING, REGISTER);

        assertThat(page.months().get(0).entries().get(0).details()).extracting(TimelinePage.Field::label,
                TimelinePage.Field::value).containsExactlyInAnyOrder(
                        tuple("Agency", "school-parkside"),
                        tuple("Role", "team around the family"),
                        tuple("Discharged at", "20 Nov 2026, 12:00"),
                        tuple("Injury", "yes"));
        assertThat(page.months().get(0).entries().get(0).type()).isEqualTo("Team member added");
    }

    @Test
    void thePanelFollowsInvolvementsByRoleAndEndsTheTeamWithSocialCaresLastInvolvement() {
        TimelinePage page = TimelinePage.of(List.of(
                entry("involvement-started", "csc-county", "2026-09-01T09:00:00Z",
                        Map.of("role", "allocated-social-worker")),
                entry("involvement-started", "school-parkside", "2026-09-02T09:00:00Z",
                        Map.of("role", "designated-safeguarding-lead")),
                entry("involvement-started", "school-parkside", "2026-09-03T09:00:00Z",
                        Map.of("role", "class-teacher")),
                entry("team-member-added", "csc-county", "2026-09-04T09:00:00Z",
                        Map.of("agency", "hospital-north", "role", "core-group")),
                entry("involvement-ended", "school-parkside", "2026-10-01T09:00:00Z",
                        Map.of("role", "class-teacher"))), EVERYTHING, REGISTER);

        assertThat(page.involved()).extracting(TimelinePage.Involvement::agency, TimelinePage.Involvement::role)
                .containsExactly(tuple("csc-county", "allocated social worker"),
                        tuple("school-parkside", "designated safeguarding lead"),
                        tuple("hospital-north", "core group (team around the child)"));

        TimelinePage ended = TimelinePage.of(List.of(
                entry("involvement-started", "csc-county", "2026-09-01T09:00:00Z",
                        Map.of("role", "allocated-social-worker")),
                entry("team-member-added", "csc-county", "2026-09-04T09:00:00Z",
                        Map.of("agency", "hospital-north", "role", "core-group")),
                entry("involvement-ended", "csc-county", "2026-10-01T09:00:00Z",
                        Map.of("role", "allocated-social-worker"))), EVERYTHING, REGISTER);
        assertThat(ended.involved()).isEmpty();
    }

    @Test
    void anEntryThisReadMayNotSeeInFullSaysNothingInThePanel() {
        Timeline.Entry redacted = new Timeline.Entry(UUID.randomUUID().toString(), "involvement-started",
                Instant.parse("2026-09-01T09:00:00Z"), Instant.parse("2026-09-01T09:00:00Z"),
                new Timeline.Agency("hospital-north", "health"), null, Map.of(), null, "not-stated", "current",
                List.of("summary", "details"), null);

        assertThat(TimelinePage.of(List.of(redacted), EVERYTHING, REGISTER).involved()).isEmpty();
    }

    @Test
    void theFilterKeepsOneAgencyAndAPeriodOfDaysInEngland() {
        List<Timeline.Entry> entries = List.of(
                entry("contact", "csc-county", "2026-09-30T23:30:00Z", Map.of()),
                entry("ae-attendance", "hospital-north", "2026-10-02T10:00:00Z", Map.of()),
                entry("contact", "csc-county", "2026-10-02T11:00:00Z", Map.of()));

        TimelinePage page = TimelinePage.of(entries, new TimelinePage.Filter("csc-county", null,
                LocalDate.parse("2026-10-01"), null), REGISTER);

        assertThat(page.shown()).isEqualTo(2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.agencies()).extracting(TimelinePage.Choice::value, TimelinePage.Choice::selected)
                .containsExactly(tuple("csc-county", true),
                        tuple("hospital-north", false));
    }

    private static Timeline.Entry entry(String type, String agency, String occurredAt, Map<String, Object> details) {
        return entry(type, agency, occurredAt, details, occurredAt);
    }

    private static Timeline.Entry entry(String type, String agency, String occurredAt, Map<String, Object> details,
            String recordedAt) {
        return new Timeline.Entry(UUID.randomUUID().toString(), type, Instant.parse(occurredAt),
                Instant.parse(recordedAt), new Timeline.Agency(agency, "kind"), "summary", details, null,
                "not-stated", "current", List.of(), null);
    }
}

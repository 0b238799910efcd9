package org.childjourney.query.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.childjourney.core.MovableClock;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.MovableClockInTheServices;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient.Answer;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The grounds that rest on facts recorded on the journey, through the HTTP API: the team around the child (an
 * agency, or one named practitioner), a s.47 enquiry and its participants, the hub's window at the front door (with
 * a clock the test moves), and what each practitioner sees of the access log.
 */
@Import(MovableClockInTheServices.class)
class NeedToKnowIT extends QueryApiIT {

    @Autowired
    MovableClock clock;

    QueryClient query;
    JourneyStories story;
    String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    String dan = TOKENS.user("dsl.dan", "school-parkside", "practitioner");
    String tia = TOKENS.user("teacher.tia", "school-parkside", "practitioner");
    String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    String paul = TOKENS.user("pc.paul", "police-east", "practitioner");
    String nia = TOKENS.user("nurse.nia", "hospital-north", "practitioner");
    String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
    String ann = TOKENS.user("auditor.ann", null, "auditor");

    EntryId prejudicial;
    EntryId attendance;
    EntryId referral;
    EntryId decision;
    EntryId discussion;

    @BeforeEach
    void aChildSocialCareLeadsOn() {
        query = new QueryClient(port);
        clock.reset();
        story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        prejudicial = story.domesticAbuse("2026-11-02T21:14:00Z");
        attendance = story.aeAttendance("2026-11-03T10:00:00Z");
        referral = story.contact(JourneyStories.HOSPITAL, "2026-11-03T12:00:00Z");
        decision = story.decided(referral);
        discussion = story.strategyDiscussion(StrategyDecision.CHILD_IN_NEED, JourneyStories.POLICE);
    }

    @Test
    void theTeamSeesWhatTheLeadSeesLessWhatCouldAlertTheAdultTheDiscussionsAndTheRationales() {
        EntryId added = story.teamMemberAdded(JourneyStories.SCHOOL, TeamRole.CORE_GROUP, null);
        awaitProjected(7);

        Answer team = timeline(dan, "early-help");

        assertThat(team.json().path("grounds").toString()).isEqualTo("[\"team\"]");
        assertThat(ids(team)).contains(attendance.toString(), referral.toString(), decision.toString(),
                added.toString()).doesNotContain(prejudicial.toString(), discussion.toString());
        assertThat(team.raw()).doesNotContain(JourneyStories.RATIONALE);
        assertThat(team.json().path("flags").path("leadAgency").asText()).isEqualTo("csc-county");
        assertThat(ids(timeline(sarah, "child-in-need"))).as("the lead sees them")
                .contains(prejudicial.toString(), discussion.toString());

        story.teamMemberRemoved(JourneyStories.SCHOOL, TeamRole.CORE_GROUP, null);
        assertThat(timeline(dan, "early-help").status()).as("the very next read").isEqualTo(403);
    }

    @Test
    void aPlaceForOneNamedPractitionerIsNotAPlaceForTheirColleagues() {
        story.teamMemberAdded(JourneyStories.SCHOOL, TeamRole.LEAD_PROFESSIONAL, "dsl.dan");
        awaitProjected(7);

        assertThat(timeline(dan, "child-in-need").status()).isEqualTo(200);
        assertThat(timeline(tia, "child-in-need").status()).isEqualTo(403);
    }

    @Test
    void theTeamEndsWithSocialCaresInvolvement() {
        story.teamMemberAdded(JourneyStories.SCHOOL, TeamRole.CORE_GROUP, null);
        awaitProjected(7);
        assertThat(timeline(dan, "early-help").status()).isEqualTo(200);

        story.involvementEnded(JourneyStories.SOCIAL_CARE, "2026-11-20T09:00:00Z");

        assertThat(timeline(dan, "early-help").status()).isEqualTo(403);
    }

    @Test
    void anOpenEnquiryIsReadByTheSocialCareThatRecordedItAndItsParticipantsUntilItsOutcome() {
        EntryId enquiry = story.strategyDiscussion(StrategyDecision.S47_ENQUIRY, JourneyStories.POLICE);
        awaitProjected(7);

        Answer police = timeline(paul, "safeguarding-enquiry");
        assertThat(police.status()).isEqualTo(200);
        assertThat(police.json().path("grounds").toString()).isEqualTo("[\"enquiry\"]");
        assertThat(ids(police)).contains(prejudicial.toString(), discussion.toString(), enquiry.toString());
        assertThat(police.raw()).contains(JourneyStories.RATIONALE);
        assertThat(timeline(sarah, "safeguarding-enquiry").status()).isEqualTo(200);
        assertThat(timeline(nia, "safeguarding-enquiry").status()).as("health took no part").isEqualTo(403);
        assertThat(ids(timeline(paul, "child-in-need"))).as("below the threshold: the police's own record only")
                .containsExactly(prejudicial.toString());

        story.enquiryConcluded(enquiry);

        assertThat(timeline(paul, "safeguarding-enquiry").status()).as("the very next read").isEqualTo(403);
    }

    @Test
    void theHubTriagesWhileAnItemAwaitsItsDecisionAndForFiveDaysAfterTheLastDecision() {
        story.contact(JourneyStories.SCHOOL, "2026-11-04T09:00:00Z");
        awaitProjected(7);
        assertThat(timeline(mo, "mash-triage").status()).as("the school's contact awaits a decision")
                .isEqualTo(200);

        clock.advance(Duration.ofDays(31));
        assertThat(timeline(mo, "mash-triage").status()).as("undecided for 30 days: out of the hub's window")
                .isEqualTo(403);
    }

    @Test
    void theHubsWindowClosesFiveDaysAfterTheLastDecision() {
        awaitProjected(6);
        assertThat(timeline(mo, "mash-triage").status()).as("the police's notification awaits a decision")
                .isEqualTo(200);
        story.decided(prejudicial);

        clock.advance(Duration.ofDays(4));
        assertThat(timeline(mo, "mash-triage").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        assertThat(timeline(mo, "mash-triage").status()).isEqualTo(403);
    }

    @Test
    void practitionersSeeTheAccessLogAsNeedToKnowSays() {
        story.teamMemberAdded(JourneyStories.SCHOOL, TeamRole.CORE_GROUP, null);
        awaitProjected(7);
        assertThat(timeline(dan, "early-help").status()).isEqualTo(200);
        assertThat(timeline(mo, "mash-triage").status()).isEqualTo(200);
        assertThat(query.get(path("/timeline"), paul, Map.of("X-Purpose", "emergency", "X-Justification",
                "Officers at the address, child not found")).status()).isEqualTo(200);
        assertThat(timeline(nia, "unscheduled-care").status()).isEqualTo(200);
        assertThat(timeline(tom, "early-help").status()).as("a refused read rests on no ground").isEqualTo(403);
        assertThat(query.get(path("/accesses"), ann, "child-in-need").status())
                .as("an auditor's read, whatever purpose is stated, is a review").isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> accesses(ann).findValuesAsText("viewer")
                .containsAll(List.of("dsl.dan", "mash.mo", "pc.paul", "nurse.nia", "teacher.tom")));

        JsonNode lead = accesses(sarah);
        JsonNode team = accesses(dan);

        assertThat(lead.findValuesAsText("agency")).contains("school-parkside", "csc-county", "police-east",
                "hospital-north");
        assertThat(lead.findValuesAsText("purpose")).as("the lead sees the hub's and break-glass reads")
                .contains("mash-triage", "emergency");
        assertThat(lead.findValuesAsText("viewer")).as("other agencies' readers are not named to the lead either")
                .doesNotContain("dsl.dan", "pc.paul", "nurse.nia");
        assertThat(team.findValuesAsText("viewer")).as("its own reads in full").containsOnly("dsl.dan");
        assertThat(team.findValuesAsText("agency")).as("triage checks as agency and date")
                .contains("hospital-north").doesNotContain("police-east");
        assertThat(team.findValuesAsText("purpose")).doesNotContain("mash-triage", "emergency", "unscheduled-care");
        assertThat(team).as("every line the team sees names an agency: no auditor's review, no refused read")
                .allSatisfy(line -> assertThat(line.path("agency").isMissingNode()).isFalse());
        assertThat(team.findValuesAsText("decision")).doesNotContain("refused");
        assertThat(lead.findValuesAsText("agency")).as("the lead sees the other school's refused read")
                .contains("school-riverside");
        assertThat(team.findValuesAsText("agency")).doesNotContain("school-riverside");
    }

    private JsonNode accesses(String token) {
        String purpose = token.equals(ann) ? "case-review" : token.equals(sarah) ? "child-in-need" : "early-help";
        Answer log = query.get(path("/accesses"), token, purpose);
        assertThat(log.status()).as(log.raw()).isEqualTo(200);
        return log.json().path("accesses");
    }

    private void awaitProjected(int entries) {
        await().atMost(Duration.ofSeconds(15)).until(() -> timeline(ann, "case-review"),
                answer -> answer.status() == 200 && answer.json().path("entries").size() == entries);
    }

    private Answer timeline(String token, String purpose) {
        return query.get(path("/timeline"), token, purpose);
    }

    private static List<String> ids(Answer timeline) {
        return timeline.json().path("entries").findValuesAsText("entryId");
    }

    private String path(String suffix) {
        return "/api/v1/journeys/" + story.journeyId() + suffix;
    }
}

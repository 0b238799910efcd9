package org.childjourney.query.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.core.person.Household;
import org.childjourney.core.person.HouseholdAdult;
import org.childjourney.core.person.Relationship;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.provenance.Sensitivity;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient.Answer;
import org.childjourney.query.QueryClient;
import org.childjourney.query.duplicates.FindPossibleDuplicates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access model through the HTTP API: purposes and their roles, own records and the decisions on an agency's
 * referrals, hub releases, consent for the lead below the s.47 threshold, the emergency department's and the
 * police's checks, sensitivity, sealing, decisions not to share, and the inbox notices they raise. The other
 * grounds are in {@code NeedToKnowIT}, break-glass in {@code BreakGlassIT}.
 */
class AccessModelIT extends QueryApiIT {


    @Autowired
    JdbcClient jdbc;

    QueryClient query;
    JourneyStories story;
    String nhsNumber;
    String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    String dan = TOKENS.user("dsl.dan", "school-parkside", "practitioner");
    String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    String nia = TOKENS.user("nurse.nia", "hospital-north", "practitioner");
    String mo = TOKENS.user("mash.mo", "csc-county", "practitioner", "mash");
    String paul = TOKENS.user("pc.paul", "police-east", "practitioner");
    String meg = TOKENS.user("mhp.meg", "adult-mh-county", "practitioner");
    String ann = TOKENS.user("auditor.ann", null, "auditor");
    String ada = TOKENS.user("admin.ada", null, "admin");

    @BeforeEach
    void aChild() {
        query = new QueryClient(port);
        nhsNumber = FictionalNhsNumbers.next();
        story = new JourneyStories(eventStore, nhsNumber);
    }

    @Test
    void eachPurposeIsForTheRolesItNamesAndEveryReadNamesItsBasisAndPolicyVersion() {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        awaitProjected(1);

        assertThat(timeline(sarah, "child-in-need").status()).isEqualTo(200);
        assertThat(timeline(sarah, "mash-triage").status()).isEqualTo(403);
        assertThat(timeline(sarah, "case-review").status()).isEqualTo(403);

        JsonNode reads = auditorsLogWithReadsBy("sw.sarah", 3).path("accesses");
        assertThat(reads.findValuesAsText("basis")).contains("SECTION_17_CHILD_IN_NEED");
        assertThat(reads.findValuesAsText("reason")).contains("PURPOSE_NOT_PERMITTED");
        assertThat(reads.findValuesAsText("policyVersion")).containsOnly(AccessPolicies.VERSION);
    }

    @Test
    void theHubReleasesEntriesToAnAgencyWhosePractitionersThenSeeOnlyThose() {
        EntryId concern = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.domesticAbuse("2026-11-20T21:14:00Z");
        awaitProjected(2);
        assertThat(timeline(tom, "early-help").status()).isEqualTo(403);

        Answer release = query.post(path("/releases"), mo, Map.of("X-Purpose", "mash-triage"),
                "{\"toAgency\":\"school-riverside\",\"entryIds\":[\"" + concern + "\"],"
                        + "\"reason\":\"The school can support the child at breakfast club\"}");
        Answer notHub = query.post(path("/releases"), sarah, Map.of("X-Purpose", "mash-triage"),
                "{\"toAgency\":\"school-riverside\",\"entryIds\":[\"" + concern + "\"],\"reason\":\"r\"}");
        Answer notOnJourney = query.post(path("/releases"), mo, Map.of("X-Purpose", "mash-triage"),
                "{\"toAgency\":\"school-riverside\",\"entryIds\":[\"" + UUID.randomUUID() + "\"],\"reason\":\"r\"}");
        Answer invalid = query.post(path("/releases"), mo, Map.of("X-Purpose", "mash-triage"),
                "{\"toAgency\":\"Nowhere\",\"entryIds\":[],\"reason\":\"\"}");

        Answer unknownJourney = query.post("/api/v1/journeys/" + UUID.randomUUID() + "/releases", mo,
                Map.of("X-Purpose", "mash-triage"),
                "{\"toAgency\":\"school-riverside\",\"entryIds\":[\"" + concern + "\"],\"reason\":\"r\"}");

        assertThat(release.status()).as(release.raw()).isEqualTo(201);
        assertThat(notHub.status()).isEqualTo(403);
        assertThat(notOnJourney.status()).isEqualTo(409);
        assertThat(unknownJourney.status()).as("an unknown journey is refused like a forbidden one").isEqualTo(403);
        assertThat(jdbc.sql("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%.Sharing%'").param(story.journeyId().toString()).query(String.class).list())
                .as("the journey recorded both refusals").hasSize(2)
                .allMatch(type -> type.endsWith(".SharingRefused"));
        JsonNode refusals = await().atMost(Duration.ofSeconds(15)).until(() -> query.get(path("/accesses"), ann,
                "case-review").json().path("refusedSharing"), shown -> shown.size() == 2);
        assertThat(refusals.findValuesAsText("refusal")).containsExactly("no-ground", "not-on-journey");
        assertThat(refusals.findValuesAsText("askedBy")).containsExactly("sw.sarah", "mash.mo");
        assertThat(refusals.findValuesAsText("decision")).containsOnly("release");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .contains("toAgency", "entryIds", "reason");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                timeline(tom, "early-help").json().path("entries").findValuesAsText("entryId"))
                .containsExactly(concern.toString()));
    }

    @Test
    void belowTheSection47ThresholdConsentGovernsWhatTheLeadSeesUntilAPlanIsOpen() {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        EntryId refused = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.REFUSED);
        EntryId attendance = story.aeAttendance("2026-11-18T10:00:00Z");
        EntryId police = story.domesticAbuse("2026-11-20T21:14:00Z");
        awaitProjected(4);

        assertThat(ids(timeline(sarah, "child-in-need"))).as("shared under a refusal: withheld")
                .doesNotContain(refused.toString()).contains(attendance.toString(), police.toString());

        EntryId withdrawal = story.consentWithdrawn(AgencyKind.CHILDRENS_SOCIAL_CARE);
        awaitProjected(5);
        assertThat(ids(timeline(sarah, "child-in-need")))
                .as("after a withdrawal for social care, what relied on consent is withheld; not what was not sought")
                .contains(police.toString(), withdrawal.toString())
                .doesNotContain(refused.toString(), attendance.toString());

        story.childProtectionPlan("2026-11-22T10:00:00Z");
        awaitProjected(6);
        assertThat(ids(timeline(sarah, "child-in-need"))).as("a plan rests on s.47, not consent")
                .contains(refused.toString(), attendance.toString(), police.toString());
    }

    @Test
    void aSchoolThatReferredOnceReadsItsOwnEntriesAndTheDecisionOnItsReferralWithoutTheRationale() {
        EntryId concern = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        EntryId referral = story.contact(JourneyStories.SCHOOL, "2026-11-19T16:00:00Z");
        EntryId police = story.domesticAbuse("2026-11-20T21:14:00Z");
        EntryId decision = story.decided(referral);
        EntryId policeDecision = story.decided(police);
        awaitProjected(5);

        Answer school = timeline(dan, "early-help");

        assertThat(ids(school)).containsExactlyInAnyOrder(concern.toString(), referral.toString(),
                decision.toString());
        assertThat(ids(school)).doesNotContain(police.toString(), policeDecision.toString());
        JsonNode decided = entry(school, decision);
        assertThat(decided.path("details").path("decision").asText()).isEqualTo("early-help");
        assertThat(decided.path("details").has("rationale")).isFalse();
        assertThat(decided.path("redacted").toString()).isEqualTo("[\"rationale\"]");
        assertThat(school.raw()).doesNotContain(JourneyStories.RATIONALE);
        assertThat(timeline(dan, "safeguarding-enquiry").status()).as("no open enquiry involves the school")
                .isEqualTo(403);
    }

    @Test
    void anEmergencyDepartmentAtTriageSeesAttendancesAndTheFlagsOnlyAndThePlansOwnerIsTold() {
        story.aeAttendance("2026-10-01T10:00:00Z");
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        EntryId plan = story.childProtectionPlan("2026-11-10T10:00:00Z");
        awaitProjected(4);

        Answer triage = timeline(nia, "unscheduled-care");
        Answer school = timeline(dan, "unscheduled-care");

        assertThat(triage.status()).isEqualTo(200);
        assertThat(triage.json().path("grounds").toString()).isEqualTo("[\"triage-check\"]");
        assertThat(triage.json().path("flags").path("childProtectionPlan").asBoolean()).isTrue();
        assertThat(triage.json().path("flags").path("openToSocialCare").asBoolean()).isFalse();
        assertThat(triage.json().path("flags").path("priorAttendances").asInt()).isEqualTo(2);
        assertThat(triage.json().path("entries").findValuesAsText("type")).containsOnly("ae-attendance");
        assertThat(triage.json().path("entries").get(0).path("details")).isEmpty();
        assertThat(triage.json().path("entries").get(0).path("redacted").toString()).contains("presentingComplaint");
        assertThat(school.status()).isEqualTo(403);
        JsonNode notice = awaitInboxItem("csc-county", "access-notice");
        assertThat(notice.path("entryIds").toString()).contains(plan.toString());
        assertThat(notice.path("summary").asText()).doesNotContain(nhsNumber, "Amy");
    }

    @Test
    void policeAtAnIncidentCheckTheFlagsOnlyAndTheLeadAgencyIsTold() {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-01T09:00:00Z");
        story.aeAttendance("2026-11-18T10:00:00Z");
        story.childProtectionPlan("2026-11-10T10:00:00Z");
        awaitProjected(3);

        Answer check = timeline(paul, "urgent-check");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().path("entries")).isEmpty();
        assertThat(check.json().path("flags").toString()).isEqualTo("{\"childProtectionPlan\":true,"
                + "\"openToSocialCare\":true,\"leadAgency\":\"csc-county\"}");
        assertThat(timeline(dan, "urgent-check").status()).as("urgent checks are for police and health")
                .isEqualTo(403);
        assertThat(awaitInboxItem("csc-county", "access-notice").path("summary").asText()).contains("urgent-check");
    }

    @Test
    void aHouseholdsAdultsAreShownWithTheEntrysDetailsAndRedactedWithThem() {
        Household household = new Household(UUID.randomUUID(), 2, List.of(
                new HouseholdAdult(Relationship.MOTHER, Sensitive.of("Amy"), Sensitive.of("Example")),
                new HouseholdAdult(Relationship.PARENTS_PARTNER, Sensitive.of("Jordan"), null)));
        EntryId notification = story.householdNotification("2026-11-20T21:14:00Z", household, Sensitivity.NONE);
        EntryId sensitive = story.householdNotification("2026-11-21T21:14:00Z", household,
                Sensitivity.ADULT_SERVICES_PARENT);
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-22T09:00:00Z");
        awaitProjected(3);

        Answer police = timeline(paul, "child-in-need");
        Answer lead = timeline(sarah, "child-in-need");

        for (EntryId entry : List.of(notification, sensitive)) {
            JsonNode own = entry(police, entry).path("household");
            assertThat(own.path("reference").asText()).isEqualTo(household.reference().toString());
            assertThat(own.path("children").asInt()).isEqualTo(2);
            assertThat(own.path("adults").toString()).isEqualTo("[{\"relationship\":\"mother\",\"givenName\":"
                    + "\"Amy\",\"familyName\":\"Example\"},{\"relationship\":\"parents-partner\",\"givenName\":"
                    + "\"Jordan\"}]");
        }
        assertThat(entry(lead, notification).path("household").path("adults")).hasSize(2);
        JsonNode redacted = entry(lead, sensitive);
        assertThat(redacted.has("household")).as("a sensitive entry's household goes with its details").isFalse();
        assertThat(redacted.path("redacted").toString()).contains("\"household\"");
        assertThat(lead.raw()).containsOnlyOnce("Jordan");
    }

    @Test
    void whatAnAdultServiceToldOfAParentIsKnownToExistByTheLeadAndReadOnlyUnderAnEnquiry() {
        EntryId told = story.adultServiceEvent("2026-11-23T02:30:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        story.strategyDiscussion(StrategyDecision.S47_ENQUIRY, JourneyStories.POLICE);
        awaitProjected(3);

        JsonNode lead = entry(timeline(sarah, "child-in-need"), told);
        JsonNode enquiry = entry(timeline(sarah, "safeguarding-enquiry"), told);
        Answer own = timeline(meg, "child-in-need");

        assertThat(lead.has("summary")).isFalse();
        assertThat(lead.path("redacted").toString()).contains("event", "adult", "summary");
        assertThat(enquiry.path("details").path("event").asText()).isEqualTo("mental-health-crisis");
        assertThat(enquiry.path("details").path("adult").asText()).isEqualTo("mother");
        assertThat(ids(own)).as("the service reads its own entry, and nothing else of the child's")
                .containsExactly(told.toString());
    }

    @Test
    void theHubListsPossibleDuplicatesAndDecidesEachOnceOnTheJourneyAndEveryListingIsRecorded() {
        JourneyStories other = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        other.contact("2026-11-20T09:00:00Z");
        story.contact("2026-11-21T09:00:00Z");
        String taskId = story.possibleDuplicate(other);
        String tasks = "/api/v1/possible-duplicates";

        JsonNode open = await().atMost(Duration.ofSeconds(15)).until(
                () -> query.get(tasks, mo, Map.of()).json().path("items"),
                items -> items.findValuesAsText("taskId").contains(taskId));
        Answer bySocialWorker = query.get(tasks, sarah, Map.of());
        Answer whileInDoubt = timeline(mo, "mash-triage");
        Answer otherWhileInDoubt = query.get("/api/v1/journeys/" + other.journeyId() + "/timeline", mo,
                "mash-triage");
        String decide = "/api/v1/journeys/" + story.journeyId() + "/possible-duplicates/" + taskId;
        Answer bySocialWorkerDeciding = query.post(decide, sarah, Map.of(), "{\"decision\":\"same-child\","
                + "\"evidence\":\"No\"}");
        Answer decided = query.post(decide, mo, Map.of(), "{\"decision\":\"different-children\","
                + "\"evidence\":\"Twins: the school confirmed two children\"}");
        Answer again = query.post(decide, mo, Map.of(), "{\"decision\":\"same-child\",\"evidence\":\"Again\"}");

        JsonNode task = open.get(open.findValuesAsText("taskId").indexOf(taskId));
        assertThat(task.path("journeyId").asText()).isEqualTo(story.journeyId().toString());
        assertThat(task.path("otherJourneyId").asText()).isEqualTo(other.journeyId().toString());
        assertThat(task.path("reason").asText()).isEqualTo("demographics-alike");
        assertThat(task.path("reasons").toString()).isEqualTo("[\"same date of birth\",\"different given name\","
                + "\"same family name\",\"same postcode\"]");
        assertThat(bySocialWorker.status()).isEqualTo(403);
        assertThat(decided.status()).as(decided.raw()).isEqualTo(201);
        assertThat(again.status()).as("a task is decided once").isEqualTo(409);
        assertThat(whileInDoubt.json().path("possibleDuplicate").asBoolean()).as(whileInDoubt.raw()).isTrue();
        assertThat(otherWhileInDoubt.json().path("possibleDuplicate").asBoolean()).as("the other journey too")
                .isTrue();
        assertThat(timeline(mo, "mash-triage").json().has("possibleDuplicate")).as("decided").isFalse();
        assertThat(query.get("/api/v1/journeys/" + other.journeyId() + "/timeline", mo, "mash-triage").json()
                .has("possibleDuplicate")).as("decided on both journeys at once").isFalse();
        assertThat(bySocialWorkerDeciding.status()).isEqualTo(403);
        JsonNode decision = await().atMost(Duration.ofSeconds(15)).until(
                () -> query.get(tasks + "?state=decided", ada, Map.of()).json().path("items"),
                items -> items.findValuesAsText("taskId").contains(taskId));
        assertThat(decision.get(decision.findValuesAsText("taskId").indexOf(taskId)).path("decision")
                .path("decidedBy").asText()).isEqualTo("mash.mo");
        assertThat(query.get(tasks + "?state=open", mo, Map.of()).json().path("items").findValuesAsText("taskId"))
                .doesNotContain(taskId);
        await().atMost(Duration.ofSeconds(15)).until(() -> query.get("/api/v1/journeys/" + other.journeyId()
                        + "/accesses", ann, "case-review").json().path("accesses").findValuesAsText("viewer"),
                viewers -> viewers.contains("mash.mo"));
    }

    @Test
    void theHubsListOfPossibleDuplicatesIsReadAPageAtATime() {
        JourneyStories other = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        other.contact("2026-11-20T09:00:00Z");
        List<String> raised = new ArrayList<>();
        for (int task = 0; task <= FindPossibleDuplicates.PAGE; task++) {
            raised.add(story.possibleDuplicate(other));
        }

        JsonNode first = await().atMost(Duration.ofSeconds(15)).until(
                () -> query.get("/api/v1/possible-duplicates", mo, Map.of()).json(),
                page -> page.path("next").asInt() == 1);
        JsonNode second = query.get("/api/v1/possible-duplicates?page=1", mo, Map.of()).json();

        assertThat(first.path("items")).hasSize(FindPossibleDuplicates.PAGE);
        List<String> listed = new ArrayList<>(first.path("items").findValuesAsText("taskId"));
        listed.addAll(second.path("items").findValuesAsText("taskId"));
        assertThat(listed).containsAll(raised).doesNotHaveDuplicates();
        assertThat(query.get("/api/v1/possible-duplicates?page=-1", mo, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void sensitiveDetailsAreRedactedAndNamedExceptForAnEnquiryTheHubAndTheRecordingAgency() {
        EntryId sensitive = story.sensitiveAttendance("2026-11-18T10:00:00Z", Sensitivity.MENTAL_HEALTH);
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        story.strategyDiscussion(StrategyDecision.S47_ENQUIRY, JourneyStories.POLICE);
        awaitProjected(3);

        JsonNode childInNeed = entry(timeline(sarah, "child-in-need"), sensitive);
        JsonNode enquiry = entry(timeline(sarah, "safeguarding-enquiry"), sensitive);
        JsonNode own = entry(timeline(nia, "child-in-need"), sensitive);

        assertThat(childInNeed.path("details")).isEmpty();
        assertThat(childInNeed.path("redacted").toString()).contains("presentingComplaint", "safeguardingConcern",
                "summary");
        assertThat(childInNeed.has("summary")).as("that the entry exists, no more").isFalse();
        assertThat(childInNeed.path("type").asText()).isEqualTo("ae-attendance");
        assertThat(enquiry.path("details").path("presentingComplaint").asText()).isNotBlank();
        assertThat(own.path("details").path("presentingComplaint").asText()).isNotBlank();
    }

    @Test
    void aSealedJourneyIsFoundAndReadByAuditorsOnlyAndUnsealingIsRecorded() {
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        story.contact("2026-11-21T08:30:00Z");
        awaitProjected(2);

        assertThat(query.post(path("/seal"), sarah, Map.of(), "{\"reason\":\"adoption\"}").status()).isEqualTo(403);
        assertThat(query.post(path("/seal"), ada, Map.of(), "{\"reason\":\"Adoption order made\"}").status())
                .isEqualTo(201);
        assertThat(query.post(path("/seal"), ada, Map.of(), "{\"reason\":\"again\"}").status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(sarah, "child-in-need")
                .status()).isEqualTo(403));
        // The identifier lookup is a read model: the auditor's search shows it has the child before Sarah's is judged.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(search(ann, "case-review")
                .path("journeys").findValuesAsText("journeyId")).containsExactly(story.journeyId().toString()));
        assertThat(search(sarah, "child-in-need").path("journeys")).isEmpty();
        assertThat(query.get(path("/accesses"), ann, "case-review").status()).isEqualTo(200);
        Answer auditorsRead = timeline(ann, "case-review");
        assertThat(auditorsRead.status()).as("an auditor reads a sealed journey for a review").isEqualTo(200);
        assertThat(auditorsRead.json().path("entries")).hasSize(2);

        assertThat(query.post(path("/unseal"), ada, Map.of(), "{\"reason\":\"Order set aside on appeal\"}")
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(sarah, "child-in-need")
                .status()).isEqualTo(200));
    }

    @Test
    void aDecisionNotToShareWithholdsTheEntriesFromThatAgencyUntilTheHubReleasesThem() {
        EntryId contact = story.contact("2026-11-21T08:30:00Z");
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        story.teamMemberAdded(JourneyStories.SCHOOL, TeamRole.CORE_GROUP, null);
        awaitProjected(3);
        assertThat(ids(timeline(dan, "early-help"))).contains(contact.toString());

        Answer declined = query.post(path("/non-disclosures"), sarah, Map.of("X-Purpose", "child-in-need"),
                "{\"toAgency\":\"school-parkside\",\"entryIds\":[\"" + contact + "\"],"
                        + "\"reason\":\"Would identify the referrer to the family\"}");
        Answer byStranger = query.post(path("/non-disclosures"), tom, Map.of("X-Purpose", "child-in-need"),
                "{\"toAgency\":\"school-parkside\",\"entryIds\":[\"" + contact + "\"],\"reason\":\"r\"}");

        assertThat(declined.status()).as(declined.raw()).isEqualTo(201);
        assertThat(byStranger.status()).isEqualTo(403);
        assertThat(query.post(path("/non-disclosures"), paul, Map.of("X-Purpose", "emergency", "X-Justification",
                "Officers at the address, child not found"), "{\"toAgency\":\"school-parkside\",\"entryIds\":[\""
                + contact + "\"],\"reason\":\"r\"}").status())
                .as("breaking glass lets a practitioner read, not decide what others see").isEqualTo(403);
        assertThat(ids(timeline(dan, "early-help"))).as("the very next read").doesNotContain(contact.toString());
        assertThat(ids(timeline(sarah, "child-in-need"))).contains(contact.toString());

        Answer released = query.post(path("/releases"), mo, Map.of("X-Purpose", "mash-triage"),
                "{\"toAgency\":\"school-parkside\",\"entryIds\":[\"" + contact + "\"],"
                        + "\"reason\":\"The hub decided the school needs it to keep the child safe\"}");
        assertThat(released.status()).as(released.raw()).isEqualTo(201);
        assertThat(ids(timeline(dan, "early-help"))).as("released by the hub").contains(contact.toString());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                query.get(path("/accesses"), ann, "case-review").json().path("nonDisclosures")
                        .findValuesAsText("reason")).containsExactly("Would identify the referrer to the family"));
        assertThat(query.get(path("/accesses"), sarah, "child-in-need").json().has("nonDisclosures")).isFalse();
    }

    @Test
    void anAgencyAcknowledgesItsInboxItemsAndTheReceiptIsKept() {
        story.childProtectionPlan("2026-11-10T10:00:00Z");
        story.aeAttendance("2026-11-18T10:00:00Z");
        awaitProjected(2);
        timeline(nia, "unscheduled-care");
        JsonNode item = awaitInboxItem("csc-county", "access-notice");
        String csc = agencySystem("csc-county");

        Answer ack = query.post("/api/v1/inbox/" + item.path("itemId").asText() + "/ack", csc, Map.of(), "");
        Answer unknown = query.post("/api/v1/inbox/" + UUID.randomUUID() + "/ack", csc, Map.of(), "");
        Answer practitioner = query.get("/api/v1/inbox", sarah, Map.of());

        assertThat(ack.status()).isEqualTo(204);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(practitioner.status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                query.get("/api/v1/inbox?unacknowledged=true", csc, Map.of()).json().path("items")
                        .findValuesAsText("itemId")).doesNotContain(item.path("itemId").asText()));
    }

    private Answer timeline(String token, String purpose) {
        return query.get(path("/timeline"), token, purpose);
    }

    private JsonNode search(String token, String purpose) {
        return query.get("/api/v1/journeys?nhsNumber=" + nhsNumber, token, purpose).json();
    }

    /** Waits until an auditor's review shows this many entries: the timeline read model has caught up. */
    private void awaitProjected(int entries) {
        await().atMost(Duration.ofSeconds(15)).until(() -> timeline(ann, "case-review"),
                answer -> answer.status() == 200 && answer.json().path("entries").size() == entries);
    }

    private JsonNode auditorsLogWithReadsBy(String viewer, int reads) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> query.get(path("/accesses"), ann, "case-review").json(), log -> log.path("accesses")
                        .findValuesAsText("viewer").stream().filter(viewer::equals).count() >= reads);
    }

    private JsonNode awaitInboxItem(String agency, String kind) {
        String token = agencySystem(agency);
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode item : query.get("/api/v1/inbox?unacknowledged=true", token, Map.of()).json()
                    .path("items")) {
                if (item.path("kind").asText().equals(kind)
                        && item.path("journeyId").asText().equals(story.journeyId().toString())) {
                    return item;
                }
            }
            return null;
        }, item -> item != null);
    }

    private static String agencySystem(String agency) {
        return TOKENS.issue("journey", "service-account-" + agency, agency, List.of("agency-system"), 300);
    }

    private static List<String> ids(Answer timeline) {
        return timeline.json().path("entries").findValuesAsText("entryId");
    }

    private static JsonNode entry(Answer timeline, EntryId entryId) {
        for (JsonNode entry : timeline.json().path("entries")) {
            if (entry.path("entryId").asText().equals(entryId.toString())) {
                return entry;
            }
        }
        throw new AssertionError("entry not shown: " + timeline.raw());
    }

    private String path(String suffix) {
        return "/api/v1/journeys/" + story.journeyId() + suffix;
    }
}

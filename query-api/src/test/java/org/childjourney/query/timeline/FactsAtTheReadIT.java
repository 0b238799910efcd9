package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.QueryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read is decided on the journey's facts as of its latest recorded event, never on a read model that lags: with
 * every projection processor paused, so that no read model moves at all, each event that narrows access (a seal, a
 * withdrawal of consent, the end of an involvement or of a team membership, a decision not to share, the outcome
 * of a s.47 enquiry) governs the very next read.
 */
class FactsAtTheReadIT extends QueryApiIT {

    @Autowired
    Configuration axon;

    @Autowired
    JourneyFactsSource facts;

    private QueryClient query;
    private JourneyStories story;
    private EntryId concern;
    private EntryId involvement;
    private EntryId enquiry;
    private final String sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
    /** A school with no entries of its own on the journey: on the team, and on no other ground. */
    private static final Agency RIVERSIDE = new Agency(AgencyCode.of("school-riverside"), AgencyKind.EDUCATION);
    private final String tom = TOKENS.user("teacher.tom", "school-riverside", "practitioner");
    private final String paul = TOKENS.user("pc.paul", "police-east", "practitioner");
    private final String ada = TOKENS.user("admin.ada", null, "admin");
    private final String ann = TOKENS.user("auditor.ann", null, "auditor");

    /** Social care leads, the school is on the team, and a s.47 enquiry with the police is open. */
    @BeforeEach
    void aChildWhomSocialCareIsWorkingWith() {
        query = new QueryClient(port);
        story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        concern = story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        involvement = story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        story.teamMemberAdded(RIVERSIDE, TeamRole.CORE_GROUP, null);
        enquiry = story.strategyDiscussion(StrategyDecision.S47_ENQUIRY, JourneyStories.POLICE);
        await().atMost(Duration.ofSeconds(30)).until(() -> entryIds(ann, "case-review").size() == 4);
        processors().forEach(processor -> await().atMost(Duration.ofSeconds(30))
                .until(() -> !processor.processingStatus().isEmpty()));
        // Stopped together: each waits out its current poll of the store.
        CompletableFuture.allOf(processors().stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
    }

    @AfterEach
    void resumeTheProcessors() {
        processors().forEach(EventProcessor::start);
    }

    @Test
    void aSealGovernsTheVeryNextRead() {
        assertThat(query.post(path("/seal"), ada, Map.of(), "{\"reason\":\"Adoption order made\"}").status())
                .isEqualTo(201);

        assertThat(timeline(sarah, "child-in-need").status()).isEqualTo(403);

        assertThat(query.post(path("/unseal"), ada, Map.of(), "{\"reason\":\"Order set aside\"}").status())
                .isEqualTo(201);
        assertThat(timeline(sarah, "child-in-need").status()).isEqualTo(200);
    }

    @Test
    void aWithdrawalOfConsentGovernsTheVeryNextRead() {
        story.consentWithdrawn(AgencyKind.CHILDRENS_SOCIAL_CARE);

        QueryClient.Answer read = timeline(sarah, "child-in-need");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("entries").findValuesAsText("entryId")).contains(involvement.toString())
                .doesNotContain(concern.toString());
    }

    @Test
    void theEndOfTheLeadsInvolvementGovernsTheVeryNextRead() {
        story.involvementEnded(JourneyStories.SOCIAL_CARE, "2026-11-22T09:00:00Z");

        QueryClient.Answer read = timeline(sarah, "child-in-need");

        assertThat(read.json().path("grounds").toString()).isEqualTo("[\"own-record\"]");
        assertThat(read.json().path("entries").findValuesAsText("entryId")).doesNotContain(concern.toString());
        assertThat(timeline(tom, "early-help").status()).as("the team ended with it").isEqualTo(403);
    }

    @Test
    void theEndOfATeamMembershipGovernsTheVeryNextRead() {
        assertThat(timeline(tom, "early-help").status()).isEqualTo(200);

        story.teamMemberRemoved(RIVERSIDE, TeamRole.CORE_GROUP, null);

        assertThat(timeline(tom, "early-help").status()).isEqualTo(403);
    }

    @Test
    void aDecisionNotToShareGovernsTheVeryNextRead() {
        assertThat(entryIds(tom, "early-help")).contains(involvement.toString());

        assertThat(query.post(path("/non-disclosures"), sarah, Map.of("X-Purpose", "child-in-need"),
                "{\"toAgency\":\"school-riverside\",\"entryIds\":[\"" + involvement + "\"],"
                        + "\"reason\":\"The allocation would reveal the referrer\"}").status()).isEqualTo(201);

        assertThat(entryIds(tom, "early-help")).doesNotContain(involvement.toString()).isNotEmpty();
    }

    @Test
    void theOutcomeOfAnEnquiryGovernsTheVeryNextRead() {
        assertThat(timeline(paul, "safeguarding-enquiry").status()).isEqualTo(200);

        story.enquiryConcluded(enquiry);

        assertThat(timeline(paul, "safeguarding-enquiry").status()).isEqualTo(403);
    }

    /**
     * A fold made inside a command's unit of work (the hub's decision, then its link) must keep nothing the unit of
     * work staged: rolled back, the event is gone, and the next event recorded takes its sequence number.
     */
    @Test
    void aFoldInsideAUnitOfWorkKeepsNothingItsRollbackTakesBack() {
        String journeyId = story.journeyId().toString();
        long next = eventStore.lastSequenceNumberFor(journeyId).orElseThrow() + 1;
        UnitOfWork<?> work = DefaultUnitOfWork.startAndGet(null);
        eventStore.publish(new GenericDomainEventMessage<>("ChildJourney", journeyId, next,
                new AgencyNotified("fictional-staged-notice", RIVERSIDE.code(), NoticeKind.ACCESS_NOTICE,
                        story.journeyId(), List.of(), "Fictional: staged, then rolled back", null)));
        facts.factsOf(story.journeyId());
        work.rollback();

        assertThat(query.post(path("/seal"), ada, Map.of(), "{\"reason\":\"Adoption order made\"}").status())
                .isEqualTo(201);

        assertThat(eventStore.lastSequenceNumberFor(journeyId)).as("the seal took the staged event's place")
                .contains(next);
        assertThat(timeline(sarah, "child-in-need").status()).isEqualTo(403);
    }

    private List<StreamingEventProcessor> processors() {
        // The streaming ones: the ledger's erasure handler runs in the erasure's own transaction (subscribing).
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private List<String> entryIds(String token, String purpose) {
        return timeline(token, purpose).json().path("entries").findValuesAsText("entryId");
    }

    private QueryClient.Answer timeline(String token, String purpose) {
        return query.get(path("/timeline"), token, purpose);
    }

    private String path(String tail) {
        return "/api/v1/journeys/" + story.journeyId() + tail;
    }
}

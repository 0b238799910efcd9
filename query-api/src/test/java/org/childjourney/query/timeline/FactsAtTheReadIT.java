package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
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
 * withdrawal of consent, the end of social care's involvement) governs the very next read.
 */
class FactsAtTheReadIT extends QueryApiIT {

    @Autowired
    Configuration axon;

    private QueryClient query;
    private JourneyStories story;
    private String sarah;
    private String ada;

    @BeforeEach
    void aChildWhomSocialCareIsWorkingWith() {
        query = new QueryClient(port);
        story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        sarah = TOKENS.user("sw.sarah", "csc-county", "practitioner");
        ada = TOKENS.user("admin.ada", null, "admin");
        story.schoolConcern("2026-11-19T15:00:00Z", ConsentStatus.GIVEN);
        story.involvementStarted(JourneyStories.SOCIAL_CARE, "2026-11-21T09:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> entryIds().size() == 2);
        processors().forEach(processor -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty());
            processor.shutDown();
        });
    }

    @AfterEach
    void resumeTheProcessors() {
        processors().forEach(EventProcessor::start);
    }

    @Test
    void aSealGovernsTheVeryNextRead() {
        assertThat(query.post(path("/seal"), ada, Map.of(), "{\"reason\":\"Adoption order made\"}").status())
                .isEqualTo(201);

        assertThat(timeline().status()).isEqualTo(403);

        assertThat(query.post(path("/unseal"), ada, Map.of(), "{\"reason\":\"Order set aside\"}").status())
                .isEqualTo(201);
        assertThat(timeline().status()).isEqualTo(200);
    }

    @Test
    void aWithdrawalOfConsentGovernsTheVeryNextRead() {
        story.consentWithdrawn(AgencyKind.CHILDRENS_SOCIAL_CARE);

        QueryClient.Answer read = timeline();

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("entries").findValuesAsText("type")).containsExactly("involvement-started");
    }

    @Test
    void theEndOfTheOnlyInvolvementGovernsTheVeryNextRead() {
        story.involvementEnded(JourneyStories.SOCIAL_CARE, "2026-11-22T09:00:00Z");

        assertThat(timeline().status()).isEqualTo(403);
    }

    private List<StreamingEventProcessor> processors() {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .map(StreamingEventProcessor.class::cast).toList();
    }

    private List<String> entryIds() {
        return timeline().json().path("entries").findValuesAsText("entryId");
    }

    private QueryClient.Answer timeline() {
        return query.get(path("/timeline"), sarah, "child-in-need");
    }

    private String path(String tail) {
        return "/api/v1/journeys/" + story.journeyId() + tail;
    }
}

package org.childjourney.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.person.FictionalNhsNumbers;
import org.childjourney.query.JourneyStories;
import org.childjourney.query.QueryApiIT;
import org.childjourney.query.feedback.FeedbackProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A processor that acts on the world starts from the head of the store when it first runs, never from the start:
 * switched on over a store with history, it tells nobody about the past.
 */
class PushProcessorsFromTheHeadIT extends QueryApiIT {

    @Autowired
    PushProcessorsFromTheHead fromTheHead;
    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionManager transactions;

    @Test
    void aGroupWithoutTokensStartsAtTheHeadAndOneWithTokensKeepsThem() {
        JourneyStories story = new JourneyStories(eventStore, FictionalNhsNumbers.next());
        story.schoolConcern("2026-11-20T10:00:00Z", ConsentStatus.GIVEN);
        story.aeAttendance("2026-11-21T10:00:00Z");
        TrackingToken head = eventStore.createHeadToken();

        fromTheHead.fromTheHead("a-new-push-processor");
        TrackingToken started = transactions.fetchInTransaction(() -> tokens.fetchToken("a-new-push-processor", 0));
        story.aeAttendance("2026-11-22T10:00:00Z");
        fromTheHead.fromTheHead("a-new-push-processor");

        assertThat(started.position()).isEqualTo(head.position()).isPresent();
        assertThat(head.position().getAsLong()).isPositive();
        assertThat(transactions.fetchInTransaction(() -> tokens.fetchToken("a-new-push-processor", 0)))
                .as("a group with tokens keeps them").isEqualTo(started);
        assertThat(transactions.fetchInTransaction(() -> tokens.fetchSegments(FeedbackProcessor.GROUP)))
                .as("the feedback processor's, at the start").hasSize(1);
    }
}

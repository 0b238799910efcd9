package org.childjourney.query.config;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childjourney.query.feedback.FeedbackProcessor;
import org.childjourney.query.webhooks.WebhookDelivery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The processors that act on the world rather than build read models (the feedback loops, which raise notices, and
 * the webhooks, which push them) start from the head of the event store when they first run: before any processor
 * starts, a group with no tokens yet gets its segments' tokens at the head, whatever the processors' mode (Axon's
 * Spring configuration of tracking processors takes no initial token of ours). Switched on, they speak of what is
 * recorded from then on, never of the past; they are never replayed or rebuilt.
 */
@Component
class PushProcessorsFromTheHead implements SmartInitializingSingleton {

    static final List<String> GROUPS = List.of(FeedbackProcessor.GROUP, WebhookDelivery.GROUP);

    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final EventStore events;
    private final QueryProperties properties;

    PushProcessorsFromTheHead(TokenStore tokens, TransactionManager transactions, EventStore events,
            QueryProperties properties) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        GROUPS.forEach(this::fromTheHead);
    }

    /** The group's tokens at the head of the store, unless it has tokens already. */
    void fromTheHead(String group) {
        if (transactions.fetchInTransaction(() -> tokens.fetchSegments(group)).length > 0) {
            return;
        }
        TrackingToken head = events.createHeadToken();
        try {
            transactions.executeInTransaction(() -> tokens.initializeTokenSegments(group,
                    properties.processorSegments(), head));
        } catch (UnableToInitializeTokenException anotherInstanceDidFirst) {
            // Another instance of the query API initialised them at about the same moment: at the head too.
        }
    }
}

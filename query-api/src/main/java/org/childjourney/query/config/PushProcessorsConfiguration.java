package org.childjourney.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.childjourney.query.feedback.FeedbackProcessor;
import org.childjourney.query.webhooks.WebhookDelivery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processors that act on the world rather than build read models (the feedback loops, which raise notices, and
 * the webhooks, which push them) start from the head of the event store when they first run (they have no token
 * yet): switched on, they speak of what is recorded from then on, never of the past. Tracking or pooled, as the
 * read models' processors are; never replayed or rebuilt.
 */
@Configuration
class PushProcessorsConfiguration {

    @Bean
    ConfigurerModule pushProcessorsFromTheHead() {
        return configurer -> {
            for (String group : new String[] {FeedbackProcessor.GROUP, WebhookDelivery.GROUP}) {
                configurer.eventProcessing()
                        .registerTrackingEventProcessorConfiguration(group, configuration ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                        .registerPooledStreamingEventProcessorConfiguration(group,
                                (configuration, builder) -> builder.initialToken(
                                        StreamableMessageSource::createHeadToken));
            }
        };
    }
}

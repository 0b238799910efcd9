package org.childjourney.query.readmodel;

import java.util.Map;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How far each read model's processor is behind the event store (gauge {@code childjourney_processor_lag{group}}):
 * the store's latest position less the lowest position the processor's segments have reached, or the whole store
 * while it has claimed none. What a practitioner may miss for a moment after a {@code 201}; access never waits on it.
 */
@Component
class ProcessorLag {

    private final EventStorageEngine events;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    ProcessorLag(EventStorageEngine events, ObjectProvider<EventProcessingConfiguration> processing,
            EventProcessorProperties processors, MeterRegistry meters) {
        this.events = events;
        this.processing = processing;
        // A subscribing group handles events as they are appended: it is never behind.
        processors.getProcessors().entrySet().stream()
                .filter(group -> group.getValue().getMode() != EventProcessorProperties.Mode.SUBSCRIBING)
                .map(Map.Entry::getKey)
                .forEach(group -> Gauge.builder("childjourney.processor.lag", () -> lag(group)).tag("group", group)
                        .description("events the read model's processor has yet to handle").register(meters));
    }

    private double lag(String group) {
        TrackingToken head = events.createHeadToken();
        long latest = head == null ? -1 : head.position().orElse(-1);
        long reached = processing.getObject().eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(position -> position.orElse(-1)).min().orElse(-1))
                .orElse(-1L);
        return Math.max(0, latest - reached);
    }
}

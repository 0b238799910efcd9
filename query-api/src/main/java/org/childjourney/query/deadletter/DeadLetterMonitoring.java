package org.childjourney.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * What operators see of the dead-letter queues: the gauge {@code childjourney.dead.letters} per processing group,
 * and the health component {@code deadLetters}, whose status is {@code DEAD_LETTERS} while any event waits. That
 * status answers {@code 200} (the service still serves every other journey) and ranks below {@code DOWN}.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterMonitoring implements HealthIndicator, MeterBinder {

    static final Status WAITING = new Status("DEAD_LETTERS", "events wait in dead-letter queues");

    private final DeadLetters deadLetters;

    DeadLetterMonitoring(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> waiting = new TreeMap<>();
        deadLetters.groups().forEach(group -> waiting.put(group, deadLetters.size(group)));
        boolean any = waiting.values().stream().anyMatch(count -> count > 0);
        return Health.status(any ? WAITING : Status.UP).withDetails(Map.copyOf(waiting)).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : deadLetters.groups()) {
            Gauge.builder("childjourney.dead.letters", deadLetters, letters -> letters.size(group))
                    .description("Events waiting in a read model's dead-letter queue")
                    .tag("group", group)
                    .register(registry);
        }
    }
}

package org.childjourney.query.readmodel;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a rebuild of the read models runs ({@code childjourney.query.rebuild}).
 *
 * @param batchSize      events each rebuild processor handles, and documents it writes once, per transaction
 * @param eventsPerSecond the most events each rebuild processor handles a second, leaving the event store and the
 *                        read store room for live traffic; {@code 0} (the default) for as fast as they go
 */
@Validated
@ConfigurationProperties("childjourney.query.rebuild")
public record RebuildProperties(@Positive int batchSize, @PositiveOrZero double eventsPerSecond) {
}

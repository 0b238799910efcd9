package org.childjourney.query.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.axonframework.springboot.EventProcessorProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The query API's settings ({@code childjourney.query}).
 *
 * @param digestKey     the secret behind keyed digests of identifiers; must equal the gateway's
 * @param database      the MongoDB database holding the read models
 * @param readModelPath where the embedded MongoDB-wire server keeps its data (an H2 file); absent keeps the read
 *                      models in memory. Ignored when {@code spring.data.mongodb.uri} names a real MongoDB
 * @param readModelPort the loopback port of the embedded MongoDB-wire server; 0 (the default) picks a free one. A
 *                      fixed port lets an operator or the benchmark inspect the read models with a MongoDB client
 * @param readModelCacheMb the embedded server's H2 page cache, in H2's estimate, which counts a document at its
 *                      serialised size: on the heap it takes several times that
 * @param readModelWriteBufferKb the changes the embedded server's H2 file holds in memory before writing them, in
 *                      the same estimate (H2 writes them at the latest every second)
 * @param readModelPageSize the items a read-model document holds before a page of them moves to a document of its
 *                      own: entries of a timeline, reads of a journey
 * @param inboxPageSize the items an agency's inbox holds in one document, and answers in one page of
 *                      {@code GET /api/v1/inbox}
 * @param foldedJourneys how many journeys' folded facts the query API keeps between reads; a read folds only the
 *                      events recorded since (about a hundred bytes an entry)
 * @param requestsPerSecond    the requests one caller (a practitioner, an auditor, an agency system) may make a
 *                             second, on average; over it, {@code 429} with {@code Retry-After}
 * @param requestBurst         the requests one caller may make at once, above the average
 * @param eventPollInterval    how often an idle read-model processor asks the event store for new events
 * @param processorMode        how the read-model processors run ({@code axon.eventhandling.processors.*.mode}):
 *                             {@code tracking} for one instance, {@code pooled} for several
 * @param processorSegments    each read-model processor's segments, fixed when it first stores its tokens
 * @param processorThreads     the threads handling the segments an instance claims
 * @param chainCheckpointLinks the links between two checkpoints of the event chain recorded in the store
 * @see org.childjourney.core.agency.AgencyRegister the agencies, configured once for both services
 */
@Validated
@ConfigurationProperties("childjourney.query")
public record QueryProperties(
        @NotBlank(message = MISSING_KEY) @Size(min = 32, message = MISSING_KEY) String digestKey,
        @NotBlank String database,
        @Nullable String readModelPath, int readModelPort, @Positive int readModelCacheMb,
        @Positive int readModelWriteBufferKb, @Positive int readModelPageSize, @Positive int inboxPageSize,
        @Positive int foldedJourneys,
        @Positive double requestsPerSecond, @Positive int requestBurst, @NotNull Duration eventPollInterval,
        @NotNull EventProcessorProperties.Mode processorMode, @Positive int processorSegments,
        @Positive int processorThreads, @Positive long chainCheckpointLinks) {

    /** Why the query API will not start without a key of its own: the demo key exists only in the local profile. */
    static final String MISSING_KEY = "must be supplied outside the local profile (CHILDJOURNEY_QUERY_DIGEST_KEY, "
            + "at least 32 bytes, the same in both services)";

    public byte[] digestKeyBytes() {
        return digestKey.getBytes(StandardCharsets.UTF_8);
    }
}

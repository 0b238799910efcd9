package org.childjourney.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's settings ({@code childjourney.gateway}).
 *
 * @param digestKey the secret behind keyed digests of identifiers and submissions; at least 32 characters, from
 *                  the environment in production
 * @param retries   how many times a submission is retried when concurrent submissions about the same child
 *                  collide in the database
 * @param cachedJourneys how many journey aggregates the gateway keeps in memory between submissions
 * @param limits   how much of a request the gateway reads and holds
 * @see org.childjourney.core.agency.AgencyRegister the agencies, configured once for both services
 */
@Validated
@ConfigurationProperties("childjourney.gateway")
public record GatewayProperties(
        @NotBlank(message = MISSING_KEY) @Size(min = 32, message = MISSING_KEY) String digestKey,
        int retries, @Positive int cachedJourneys, @Valid @NotNull Limits limits) {

    /**
     * What one request may be: a larger one is refused ({@code 413}) before anything of it is recorded, so that the
     * gateway's memory is bounded by these figures, whatever callers send.
     *
     * @param submissionKb      the body of one submission (and one line of a batch), in KiB
     * @param batchMb           the body of one batch, in MiB
     * @param batchLines        the submissions in one batch
     * @param concurrentBatches the batches held in memory at once; a further one waits for a place
     * @param batchWaitSeconds  how long a batch waits for a place before it is turned away ({@code 503})
     * @param requestsPerSecond the requests one client may make a second, on average
     * @param requestBurst      the requests one client may make at once, above the average
     */
    public record Limits(@Positive int submissionKb, @Positive int batchMb, @Positive int batchLines,
            @Positive int concurrentBatches, @Positive int batchWaitSeconds, @Positive double requestsPerSecond,
            @Positive int requestBurst) {

        public int submissionBytes() {
            return submissionKb * 1024;
        }

        public int batchBytes() {
            return batchMb * 1024 * 1024;
        }
    }

    /** Why the gateway will not start without a key of its own: the demo key exists only in the local profile. */
    static final String MISSING_KEY = "must be supplied outside the local profile (CHILDJOURNEY_GATEWAY_DIGEST_KEY, "
            + "at least 32 bytes, the same in both services)";

    public byte[] digestKeyBytes() {
        return digestKey.getBytes(StandardCharsets.UTF_8);
    }
}

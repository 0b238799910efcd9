package org.childjourney.query.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agencies that take their inbox items pushed ({@code childjourney.webhooks}): each agency's endpoint and the
 * secret its requests are signed with (from a secret store, never the repository), and how often undelivered items
 * are tried again.
 *
 * @param agencies   agency code to its endpoint; an agency not named reads its inbox as before
 * @param retryEvery how often the items an agency's endpoint did not take are offered again, oldest first
 */
@ConfigurationProperties("childjourney.webhooks")
public record WebhookProperties(Map<String, Endpoint> agencies, Duration retryEvery) {

    public WebhookProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
        retryEvery = retryEvery == null ? Duration.ofMinutes(1) : retryEvery;
    }

    /** Where an agency takes its items, and the secret they are signed with (HMAC-SHA256). */
    public record Endpoint(URI url, String secret) {

        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", secret=(redacted)]";
        }
    }
}

package org.childjourney.query.webhooks;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agencies that take their inbox items pushed ({@code childjourney.webhooks}): each agency's endpoint and the
 * secret its requests are signed with (from a secret store, never the repository).
 *
 * @param agencies agency code to its endpoint; an agency not named reads its inbox as before
 */
@ConfigurationProperties("childjourney.webhooks")
public record WebhookProperties(Map<String, Endpoint> agencies) {

    public WebhookProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    /** Where an agency takes its items, and the secret they are signed with (HMAC-SHA256). */
    public record Endpoint(URI url, String secret) {

        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", secret=(redacted)]";
        }
    }
}

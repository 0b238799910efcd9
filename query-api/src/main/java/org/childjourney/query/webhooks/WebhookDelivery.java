package org.childjourney.query.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.query.disclosure.DisclosureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Posts each inbox item to its agency's endpoint, if the agency has one (processing group {@code webhooks}, one
 * agency's items in order; present only where some agency has an endpoint): the item as {@code GET /api/v1/inbox}
 * shows it, as JSON, with {@code X-ChildJourney-Delivery} (the item's id: the same on every attempt, for the
 * receiver to take it once), {@code X-ChildJourney-Timestamp} and {@code X-ChildJourney-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of {@code <timestamp>.<body>} under the agency's secret. A push is a read of the inbox: each attempt is
 * recorded ({@code InboxRead}, read by {@code webhook}) before the item leaves, in a transaction of its own, so that
 * an attempt is recorded even when it fails. An endpoint that does not answer 2xx within three attempts (half a
 * second and a second apart, five seconds each at most) is given up for that item, counted
 * ({@code childjourney.webhooks.undelivered}) and logged by agency: the item stays in the agency's inbox, where its
 * system reads it, and the agency's later items are pushed as they come. Delivery is at least once. Starts from the
 * head of the store when it first runs.
 */
@Component
@Conditional(AnyWebhook.class)
@ProcessingGroup(WebhookDelivery.GROUP)
public class WebhookDelivery implements DisposableBean {

    public static final String GROUP = "webhooks";
    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final WebhookProperties properties;
    private final DisclosureLog disclosures;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final MeterRegistry meters;
    private final ExecutorService records = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "webhook-record");
        thread.setDaemon(true);
        return thread;
    });

    WebhookDelivery(WebhookProperties properties, DisclosureLog disclosures, ObjectMapper json,
            MeterRegistry meters) {
        this.properties = properties;
        this.disclosures = disclosures;
        this.json = json;
        this.meters = meters;
    }

    @EventHandler
    void on(AgencyNotified notice, @Timestamp Instant createdAt) throws IOException, InterruptedException {
        WebhookProperties.Endpoint endpoint = properties.agencies().get(notice.agency().value());
        if (endpoint == null) {
            return;
        }
        String timestamp = Instant.now().toString();
        String body = body(notice, createdAt);
        HttpRequest request = HttpRequest.newBuilder(endpoint.url()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-ChildJourney-Delivery", notice.noticeId())
                .header("X-ChildJourney-Timestamp", timestamp)
                .header("X-ChildJourney-Signature", "sha256=" + signature(endpoint.secret(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            CompletableFuture.runAsync(() -> disclosures.inboxRead(notice.agency(), "webhook",
                    List.of(notice.noticeId()), List.of(notice.journeyId())), records).join();
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException unreachable) {
                status = 0;
            }
            if (status / 100 == 2) {
                return;
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(500L * attempt);
            }
        }
        meters.counter("childjourney.webhooks.undelivered", "agency", notice.agency().value()).increment();
        log.warn("the webhook of {} did not take an item (last status {}); it stays in the inbox",
                notice.agency().value(), status);
    }

    /** The item as the inbox shows it. */
    private String body(AgencyNotified notice, Instant createdAt) throws JsonProcessingException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemId", notice.noticeId());
        item.put("kind", notice.kind().wireName());
        item.put("journeyId", notice.journeyId().toString());
        item.put("entryIds", notice.entryIds().stream().map(EntryId::toString).toList());
        item.put("createdAt", createdAt.toString());
        item.put("summary", notice.summary());
        if (notice.deliverBy() != null) {
            item.put("deliverBy", notice.deliverBy().toString());
        }
        return json.writeValueAsString(item);
    }

    /** HMAC-SHA256 of the text under the secret, in hex: what the receiver computes to check the request. */
    static String signature(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void destroy() {
        records.shutdownNow();
    }
}

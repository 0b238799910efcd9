package org.childjourney.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP against a running gateway, as an agency system would call it. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public GatewayClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, headers and the body parsed as JSON (or null when empty or not JSON). */
    public record Answer(int status, HttpHeaders headers, String raw, JsonNode json) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    public Answer submit(String token, String body) {
        return post("/api/v1/submissions", token, "application/json", body);
    }

    public Answer submitBatch(String token, String ndjson) {
        return post("/api/v1/submissions:batch", token, "application/x-ndjson", ndjson);
    }

    public Answer post(String path, String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    /** A post that asks for the answer in {@code accept} (a FHIR client asks for FHIR JSON). */
    public Answer postAccepting(String path, String token, String contentType, String accept, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    public Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = null;
            try {
                json = raw.isBlank() ? null : JSON.readTree(raw);
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(response.statusCode(), response.headers(), raw, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

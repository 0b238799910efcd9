package org.childjourney.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Real HTTP calls to Keycloak and the services, as agency systems and practitioners' clients make them. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    record Answer(int status, String contentType, String raw, JsonNode json) {
    }

    /** An access token for a machine client (client credentials grant). */
    String clientToken(String tokenUrl, String clientId) throws IOException, InterruptedException {
        return token(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /** An access token for a user signing in through the public journey-web client (password grant). */
    String userToken(String tokenUrl, String username, String password) throws IOException, InterruptedException {
        return token(tokenUrl, Map.of("grant_type", "password", "client_id", "journey-web", "username", username,
                "password", password));
    }

    Answer post(String url, String token, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer post(String url, String token, String body, String purpose) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("X-Purpose", purpose)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer get(String url, String token, String purpose) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("X-Purpose", purpose).GET().build());
    }

    /** A read that states no purpose: an administrator's. */
    Answer get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    Answer delete(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).DELETE()
                .build());
    }

    /** The status of a GET once its whole body has arrived, the body left unparsed: what a latency figure times. */
    int getStatus(String url, String token, String purpose) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("X-Purpose", purpose).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    Answer postNdjson(String url, String token, String lines) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(lines))
                .build());
    }

    /** A form post without a token: what a client sends to Keycloak's token endpoint. */
    Answer postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String token(String tokenUrl, Map<String, String> form) throws IOException, InterruptedException {
        Answer answer = postForm(tokenUrl, form);
        if (answer.status() != 200) {
            throw new IllegalStateException("Keycloak refused a token: " + answer.status());
        }
        return answer.json().path("access_token").asText();
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = JSON.nullNode();
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), json);
    }
}

package org.childjourney.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childjourney.core.journey.ChildJourneyId;

/** An agency's inbox as its system reads it, every page, narrowed to one child's journey. */
public final class Inboxes {

    private final QueryClient query;
    private final Tokens tokens;

    public Inboxes(QueryClient query, Tokens tokens) {
        this.query = query;
        this.tokens = tokens;
    }

    /** The agency's items about the journey, of a kind ({@code null}: all kinds), oldest first. */
    public List<JsonNode> items(String agency, ChildJourneyId journeyId, String kind) {
        String token = tokens.issue("journey", "service-account-" + agency, agency, List.of("agency-system"), 300);
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = query.get("/api/v1/inbox?page=" + page, token, Map.of()).json();
            answer.path("items").forEach(item -> {
                if ((kind == null || item.path("kind").asText().equals(kind))
                        && item.path("journeyId").asText().equals(journeyId.toString())) {
                    found.add(item);
                }
            });
            if (answer.path("next").isMissingNode() || answer.path("next").isNull()) {
                return found;
            }
        }
    }
}

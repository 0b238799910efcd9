package org.childjourney.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of the disclosure log, and the token of the next page ({@code null} when the log has been read to its end).
 */
public record Disclosures(List<Item> items, @Nullable String next) {

    /**
     * One read of one journey. A search or an audit-trail read that showed several journeys is one item for each,
     * with the same {@code disclosureId}.
     *
     * @param decision {@code permitted}, {@code refused} or (a search's) {@code withheld}
     * @param reason   why a read was refused
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String disclosureId, String journeyId, String viewer, @Nullable String agency,
            @Nullable String purpose, List<String> grounds, String decision, @Nullable String reason, String kind,
            @Nullable String policyVersion, Instant at) {
    }
}

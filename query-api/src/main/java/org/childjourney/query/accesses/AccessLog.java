package org.childjourney.query.accesses;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who read a child's journey, when, for which purpose, on what basis, with what decision. */
public record AccessLog(String journeyId, List<Access> accesses) {

    /**
     * One read. Practitioners see who read and why; auditors also see the refusal reason and which entries were
     * disclosed and withheld.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Access(Instant at, String viewer, @Nullable String agency, List<String> roles, String purpose,
            String kind, String decision, @Nullable String basis, @Nullable String reason,
            @Nullable List<String> entriesDisclosed, @Nullable List<String> entriesWithheld, String policyVersion) {
    }
}

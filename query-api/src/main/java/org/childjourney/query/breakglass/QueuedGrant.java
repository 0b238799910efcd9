package org.childjourney.query.breakglass;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A break-glass grant as the auditors' queue shows it: who read which journey by emergency access, why they said
 * they needed to, for how long; and, once reviewed, the finding.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedGrant(String grantId, String journeyId, String reader, @Nullable String agency,
        String justification, String openedAt, String expiresAt, boolean reviewed, @Nullable Review review) {

    /** An auditor's finding on the grant. */
    public record Review(String outcome, String note, String reviewer, String at) {
    }
}

package org.childjourney.query.erasure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of an erasure: the ground the law gives ({@code wrong-child}, {@code court-order} or
 * {@code retention-ended}) and the reason, which stays in the audit trail in clear, so it describes the decision,
 * never the child.
 */
record ErasureRequest(@NotBlank @Pattern(regexp = "wrong-child|court-order|retention-ended",
        message = "must be wrong-child, court-order or retention-ended") String ground,
        @NotBlank @Size(max = 2000) String reason) {
}

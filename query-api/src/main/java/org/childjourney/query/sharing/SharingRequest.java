package org.childjourney.query.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of a release or a decision not to share: the receiving agency, the entries, and the reason.
 */
record SharingRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be an agency code") String toAgency,
        @NotEmpty @Size(max = 500) List<@Pattern(regexp = "[0-9a-f-]{36}", message = "must be an entry id") String>
                entryIds,
        @NotBlank @Size(max = 2000) String reason) {
}

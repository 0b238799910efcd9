package org.childjourney.query.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of sealing or unsealing a journey: the reason, which auditors see. */
record SealRequest(@NotBlank @Size(max = 2000) String reason) {
}

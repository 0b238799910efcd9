package org.childjourney.core.consent;

import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/** A consent status with the reason given for it, where there is one. */
public record Consent(ConsentStatus status, @Nullable Sensitive<String> reason) {

    public Consent {
        status = status == null ? ConsentStatus.NOT_STATED : status;
    }

    /** Consent that the submission did not state. */
    public static Consent notStated() {
        return new Consent(ConsentStatus.NOT_STATED, null);
    }
}

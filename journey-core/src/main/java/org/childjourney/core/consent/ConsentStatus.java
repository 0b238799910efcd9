package org.childjourney.core.consent;

/**
 * The consent status an agency recorded. Constants are never renamed or removed: they are stored in events.
 * Working Together (seeds/004): consent is needed below the s.47 significant-harm threshold, it is best practice to
 * seek it even at s.47, and it is recorded clearly "except where prejudicial".
 */
public enum ConsentStatus {
    /** The family agreed. */
    GIVEN,
    /** The family refused; a reason is recorded. Refusal never escalates by itself. */
    REFUSED,
    /** Consent was not sought because seeking it would prejudice the child's safety; a reason is recorded. */
    NOT_SOUGHT_PREJUDICIAL,
    /** The sharing did not need consent, for example under a statutory duty. */
    NOT_REQUIRED,
    /** The family withdrew consent they had given; takes effect on the next read. */
    WITHDRAWN,
    /** The submission said nothing about consent (older events, or types where it is optional). */
    NOT_STATED;

    /** Whether recording this status needs a reason. */
    public boolean needsReason() {
        return this == REFUSED || this == NOT_SOUGHT_PREJUDICIAL;
    }
}

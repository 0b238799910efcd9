package org.childjourney.core.journey;

/** Why the journey refused a release or a decision not to share; the refusal is recorded ({@code SharingRefused}). */
public enum SharingRefusal {
    /** The practitioner has no ground recorded on the journey (a declared one, break-glass or a triage check, lets
     * them read in a hurry, not decide what others may see). */
    NO_GROUND,
    /** An entry named is not on the journey. */
    NOT_ON_JOURNEY
}

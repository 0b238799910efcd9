package org.childjourney.core.access;

/**
 * Why a read was refused. Recorded for auditors only: the reader is told nothing beyond "refused", so that a
 * refusal never reveals whether the child exists. Constants are stored: never renamed or removed.
 */
public enum RefusalReason {
    /** The record holds no such journey. */
    UNKNOWN_JOURNEY,
    /** The reader's roles do not allow this kind of read (policy 2026.11-1; since then PURPOSE_NOT_PERMITTED). */
    ROLE_NOT_PERMITTED,
    /** The reader's agency has no legitimate relationship with the child. */
    NO_LEGITIMATE_RELATIONSHIP,
    /** The purpose is not one the reader's roles (or agency kind) may use. */
    PURPOSE_NOT_PERMITTED,
    /** The journey is sealed: only auditors may read it. */
    JOURNEY_SEALED,
    /** An emergency read without a justification (since 2026.12-1: of at least 20 characters). */
    JUSTIFICATION_MISSING,
    /** None of the grounds for the purpose holds for this reader on this journey (policy 2026.12-1 on). */
    NO_GROUND,
    /**
     * The journey's content was erased (ADR 0015): nobody reads it again. Auditors are told so, with the erasure;
     * everyone else is refused as for any journey.
     */
    JOURNEY_ERASED
}

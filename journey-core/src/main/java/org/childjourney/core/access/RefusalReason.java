package org.childjourney.core.access;

/**
 * Why a read was refused. Recorded for auditors only: the reader is told nothing beyond "refused", so that a
 * refusal never reveals whether the child exists. Constants are stored: never renamed or removed.
 */
public enum RefusalReason {
    /** The record holds no such journey. */
    UNKNOWN_JOURNEY,
    /** The reader's roles do not allow this kind of read. */
    ROLE_NOT_PERMITTED,
    /** The reader's agency has no legitimate relationship with the child. */
    NO_LEGITIMATE_RELATIONSHIP
}

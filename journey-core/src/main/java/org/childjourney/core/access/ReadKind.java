package org.childjourney.core.access;

/** What kind of read a disclosure record is about. Constants are stored: never renamed or removed. */
public enum ReadKind {
    /** A search for a child's journey by an identifier. */
    SEARCH,
    /** A read of the journey's timeline. */
    TIMELINE,
    /** A read of who has read the journey. */
    ACCESS_LOG,
    /** An auditor's read of the audit trail across journeys: the disclosure log, the break-glass queue. */
    AUDIT_TRAIL
}

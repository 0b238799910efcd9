package org.childjourney.core.journey;

/**
 * How a s.47 enquiry concluded: a child protection conference, help as a child in need, or nothing further.
 * Constants are stored in events: never renamed or removed.
 */
public enum EnquiryOutcome {
    CHILD_PROTECTION_CONFERENCE,
    CHILD_IN_NEED,
    NO_FURTHER_ACTION
}

package org.childjourney.core.journey;

/** What a contact or a school concern is about (contract: contact {@code category}). Constants are stored in events: never renamed or removed. */
public enum ConcernCategory {
    NEGLECT,
    PHYSICAL_ABUSE,
    EMOTIONAL_ABUSE,
    SEXUAL_ABUSE,
    DOMESTIC_ABUSE,
    EXPLOITATION,
    MISSING,
    MENTAL_HEALTH,
    SUBSTANCE_MISUSE,
    OTHER
}

package org.childjourney.core.journey;

/** Why two journeys may be one child's. Constants are stored: never renamed or removed. */
public enum DuplicateReason {
    /** A submission's NHS number and its agency's local id point to different journeys. */
    IDENTIFIERS_DISAGREE,
    /** A submission's identifiers matched no journey, and its child's demographics are like another journey's. */
    DEMOGRAPHICS_ALIKE
}

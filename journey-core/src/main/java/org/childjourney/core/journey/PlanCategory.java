package org.childjourney.core.journey;

/** The category of a child protection plan. Constants are stored in events: never renamed or removed. */
public enum PlanCategory {
    NEGLECT,
    PHYSICAL_ABUSE,
    EMOTIONAL_ABUSE,
    SEXUAL_ABUSE
}

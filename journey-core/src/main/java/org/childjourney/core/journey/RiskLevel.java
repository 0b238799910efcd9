package org.childjourney.core.journey;

/** The police risk grading of a domestic abuse incident. Constants are stored in events: never renamed or removed. */
public enum RiskLevel {
    STANDARD,
    MEDIUM,
    HIGH
}

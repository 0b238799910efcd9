package org.childjourney.core.journey;

/** The hub's decision on a possible duplicate. Constants are stored: never renamed or removed. */
public enum DuplicateDecision {
    /** The two journeys are one child's: they are to be linked. */
    SAME_CHILD,
    /** Two children: the task is closed and nothing changes. */
    DIFFERENT_CHILDREN
}

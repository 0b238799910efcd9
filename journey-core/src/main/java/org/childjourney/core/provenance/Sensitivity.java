package org.childjourney.core.provenance;

/**
 * How sensitive the source says an entry is. Some information needs stricter rules than the rest: sexual health,
 * mental health, a parent's clinical detail from adult services, a child's own confidences (seeds/003 para 5.21).
 * Constants are stored in events: never renamed or removed.
 */
public enum Sensitivity {
    /** Ordinary safeguarding information. */
    NONE,
    SEXUAL_HEALTH,
    MENTAL_HEALTH,
    /** Clinical or personal detail about a parent, from adult services (mental health, drugs and alcohol). */
    ADULT_SERVICES_PARENT,
    /** What the child said in confidence. */
    CHILD_CONFIDENCE
}

package org.childjourney.core.agency;

/** The kind of agency, which decides what it typically pushes and needs to see. Constants are never renamed. */
public enum AgencyKind {
    POLICE,
    HEALTH,
    EDUCATION,
    CHILDRENS_SOCIAL_CARE,
    EARLY_HELP,
    ADULT_SERVICES,
    OTHER
}

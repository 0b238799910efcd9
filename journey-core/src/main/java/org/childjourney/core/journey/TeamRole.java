package org.childjourney.core.journey;

/**
 * The part an agency (or one of its practitioners) plays in the team around the child that children's social care
 * convenes: a child protection plan's core group, the team around the family in early help, or the lead
 * professional. Constants are stored in events: never renamed or removed.
 */
public enum TeamRole {
    CORE_GROUP,
    TEAM_AROUND_THE_FAMILY,
    LEAD_PROFESSIONAL
}

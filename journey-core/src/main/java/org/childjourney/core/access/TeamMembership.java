package org.childjourney.core.access;

import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.TeamRole;
import org.jspecify.annotations.Nullable;

/**
 * A place in the team around the child: an agency in a role, or, where social care named one, only that practitioner
 * of it.
 *
 * @param practitioner the username of the one practitioner the place is for, or {@code null} for the whole agency
 */
public record TeamMembership(AgencyCode agency, TeamRole role, @Nullable String practitioner) {
}

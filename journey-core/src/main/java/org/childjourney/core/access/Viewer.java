package org.childjourney.core.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.jspecify.annotations.Nullable;

/**
 * Who is reading: built once from the verified token and nothing else.
 *
 * @param username the reader's {@code preferred_username}
 * @param agency   the reader's agency, absent for auditors and administrators
 * @param roles    the recognised realm roles
 */
public record Viewer(String username, @Nullable AgencyCode agency, Set<Role> roles) {

    public Viewer {
        // An EnumSet keeps the roles in declaration order, so stored disclosure records serialise the same way.
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}

package org.childjourney.core.access;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to read a child's journey.
 *
 * @param justification required for {@link Purpose#EMERGENCY}, absent otherwise
 */
public record AccessRequest(Viewer viewer, Purpose purpose, ReadKind kind, @Nullable String justification) {

    @Override
    public String toString() {
        return "AccessRequest[viewer=" + viewer.username() + ", purpose=" + purpose + ", kind=" + kind + "]";
    }
}

package org.childjourney.core.access;

import java.time.Instant;
import org.childjourney.core.agency.AgencyKind;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to read a child's journey.
 *
 * @param agencyKind    the kind of the reader's agency, from the deployment's register of agencies (never the token)
 * @param justification required for {@link Purpose#EMERGENCY}, absent otherwise
 * @param at            when the read is made, from the service's clock
 */
public record AccessRequest(Viewer viewer, @Nullable AgencyKind agencyKind, Purpose purpose, ReadKind kind,
        @Nullable String justification, Instant at) {

    @Override
    public String toString() {
        return "AccessRequest[viewer=" + viewer.username() + ", purpose=" + purpose + ", kind=" + kind + "]";
    }
}

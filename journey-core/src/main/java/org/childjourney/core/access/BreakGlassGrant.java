package org.childjourney.core.access;

import java.time.Instant;

/**
 * One reader's emergency access to one journey, from {@code openedAt} until {@code expiresAt} (four hours, or a
 * seal, whichever comes first).
 *
 * @param opened whether the command that answered this grant opened it (and so whether to notify)
 */
public record BreakGlassGrant(String grantId, String reader, Instant openedAt, Instant expiresAt, boolean opened) {

    /** Whether the grant is in force at this instant. */
    public boolean openAt(Instant at) {
        return !at.isBefore(openedAt) && at.isBefore(expiresAt);
    }
}

package org.childjourney.query.erasure;

import org.jspecify.annotations.Nullable;

/**
 * A journey's erasure as the audit trail shows it: who, when, on what ground and why; and whether the erasure is
 * carried out, its key deleted (the ledger and the read models forget the journey on the same event).
 */
public record ErasureRecord(String journeyId, String erasedBy, String erasedAt, String ground, String reason,
        boolean keyDeleted) {

    /** The answer to {@link FindErasure}: the record, or none for a journey not erased (or not held). */
    public record Found(@Nullable ErasureRecord erasure) {
    }
}

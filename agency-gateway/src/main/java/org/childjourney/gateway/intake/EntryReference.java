package org.childjourney.gateway.intake;

import org.childjourney.core.journey.EntryId;
import org.jspecify.annotations.Nullable;

/**
 * A submission's reference to an earlier entry: by the submitting agency's own source record id, or (for the
 * front door deciding on another agency's contact) by entry id. Exactly one is present.
 *
 * @param field the JSON path of the reference, for error messages
 */
record EntryReference(String field, @Nullable String sourceRecordId, @Nullable EntryId entryId) {
}

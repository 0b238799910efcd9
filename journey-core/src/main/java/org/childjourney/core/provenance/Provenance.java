package org.childjourney.core.provenance;

import java.time.Instant;
import org.childjourney.core.agency.Agency;

/**
 * Where an entry came from. {@code occurredAt} is when it happened in the world, as the agency says; the time the
 * record learned of it is the event store's timestamp and is never merged with it.
 *
 * @param agency         the submitting agency, always taken from its token
 * @param sourceRecordId the agency's own id for the record, its idempotency key
 * @param recordedBy     the client or user that submitted it
 * @param occurredAt     when it happened
 * @param sensitivity    how sensitive the source classed it; {@code NONE} for events recorded before the field existed
 */
public record Provenance(Agency agency, String sourceRecordId, String recordedBy, Instant occurredAt,
        Sensitivity sensitivity) {

    public Provenance {
        sensitivity = sensitivity == null ? Sensitivity.NONE : sensitivity;
    }

    /** Provenance of an entry of ordinary sensitivity. */
    public Provenance(Agency agency, String sourceRecordId, String recordedBy, Instant occurredAt) {
        this(agency, sourceRecordId, recordedBy, occurredAt, Sensitivity.NONE);
    }
}

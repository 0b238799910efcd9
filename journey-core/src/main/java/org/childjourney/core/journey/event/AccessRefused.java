package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.RefusalReason;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/**
 * A reader was refused a read of a child's journey (or of a journey id the record does not hold). Emitted before
 * the refusal is sent, so the refusal is in the audit and not only in an exception.
 */
@Revision("1")
public record AccessRefused(ChildJourneyId journeyId, Viewer viewer, Purpose purpose,
        @Nullable Sensitive<String> justification, ReadKind kind, RefusalReason reason, String policyVersion)
        implements DisclosureEvent {
}

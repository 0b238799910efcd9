package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.DuplicateDecision;
import org.childjourney.core.person.Sensitive;

/** The hub decided a possible duplicate: who, what, and the evidence they gave. */
@Revision("1")
public record PossibleDuplicateResolved(ChildJourneyId journeyId, String taskId, Viewer decidedBy,
        DuplicateDecision decision, Sensitive<String> evidence) implements JourneyEvent {
}

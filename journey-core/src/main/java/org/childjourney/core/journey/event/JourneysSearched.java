package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/**
 * A reader searched for a child's journey by an identifier. Emitted before the answer is sent; names the journeys
 * returned and those found but withheld by policy. The identifier itself is not recorded here: the journeys are.
 */
@Revision("1")
public record JourneysSearched(Viewer viewer, Purpose purpose, @Nullable Sensitive<String> justification,
        ReadKind kind, List<ChildJourneyId> disclosed, List<ChildJourneyId> withheld, String policyVersion)
        implements DisclosureEvent {

    public JourneysSearched {
        disclosed = List.copyOf(disclosed);
        withheld = List.copyOf(withheld);
    }
}

package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.LawfulBasis;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/**
 * A reader was permitted to read a child's journey. Emitted before the answer is sent; names the entries sent and
 * the entries withheld, the lawful basis relied on and the policy version that decided.
 */
@Revision("1")
public record JourneyDisclosed(ChildJourneyId journeyId, Viewer viewer, Purpose purpose,
        @Nullable Sensitive<String> justification, ReadKind kind, LawfulBasis basis, List<EntryId> disclosed,
        List<EntryId> withheld, String policyVersion) implements DisclosureEvent {

    public JourneyDisclosed {
        disclosed = List.copyOf(disclosed);
        withheld = List.copyOf(withheld);
    }
}

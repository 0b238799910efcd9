package org.childjourney.core.journey.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.childjourney.core.access.Ground;
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
 * the entries withheld, the lawful basis and the grounds relied on, and the policy version that decided.
 *
 * <p>Revision 2 added {@code grounds}; records of revision 1 (policy 2026.11-3 and before, which had no grounds)
 * are read with none (the query API's {@code JourneyDisclosedUpcaster}).
 */
@Revision("2")
public record JourneyDisclosed(ChildJourneyId journeyId, Viewer viewer, Purpose purpose,
        @Nullable Sensitive<String> justification, ReadKind kind, LawfulBasis basis, List<Ground> grounds,
        List<EntryId> disclosed, List<EntryId> withheld, String policyVersion) implements DisclosureEvent {

    public JourneyDisclosed {
        grounds = List.copyOf(grounds);
        disclosed = List.copyOf(disclosed);
        withheld = List.copyOf(withheld);
    }
}

package org.childjourney.query.breakglass;

import java.util.List;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.jspecify.annotations.Nullable;

/**
 * The break-glass grants, oldest first: all of them, only those reviewed, or only those awaiting review; or the one
 * grant with {@code grantId}; or those on the journeys named (a record and the journeys linked to it).
 *
 * @param auditor  who asks: a listing is itself recorded
 * @param journeys only the grants on these journeys; empty for every journey's
 */
public record FindGrants(Viewer auditor, @Nullable Boolean reviewed, @Nullable String grantId,
        List<ChildJourneyId> journeys) {

    public FindGrants {
        journeys = List.copyOf(journeys);
    }

    /** Every journey's grants, or the one named. */
    public FindGrants(Viewer auditor, @Nullable Boolean reviewed, @Nullable String grantId) {
        this(auditor, reviewed, grantId, List.of());
    }
}

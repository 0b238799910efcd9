package org.childjourney.core.access;

import java.util.List;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;

/**
 * What the access policy needs to know about a journey, read from the read model at the moment of the read.
 *
 * @param known              whether the journey exists at all; an unknown journey is refused like any other
 * @param openInvolvements   agencies with an involvement started and not ended
 * @param submittingAgencies agencies that have submitted an entry about the child
 * @param entries            every entry, for per-entry rules such as consent
 */
public record JourneyFacts(boolean known, Set<AgencyCode> openInvolvements, Set<AgencyCode> submittingAgencies,
        List<EntryFacts> entries) {

    public JourneyFacts {
        openInvolvements = Set.copyOf(openInvolvements);
        submittingAgencies = Set.copyOf(submittingAgencies);
        entries = List.copyOf(entries);
    }

    /** The facts of a journey the record does not hold. */
    public static JourneyFacts unknown() {
        return new JourneyFacts(false, Set.of(), Set.of(), List.of());
    }
}

package org.childjourney.core.access;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.jspecify.annotations.Nullable;

/**
 * What the access policy needs to know about a journey, as of its latest event: folded from the journey's events
 * by {@link JourneyFactsFold}, never read back from a read model.
 *
 * @param known                whether the journey exists at all; an unknown journey is refused like any other
 * @param sealed               whether the journey is sealed
 * @param openInvolvements     agencies with an involvement started and not ended
 * @param submittingAgencies   agencies that have submitted an entry about the child (other than their involvement)
 * @param releases             entries the hub released, by receiving agency
 * @param consentRefusedScopes scopes whose latest journey-level consent record is a refusal or a withdrawal
 * @param entries              every entry, for per-entry rules
 * @param childProtectionPlan  the entry that started the child protection plan open now, or {@code null}
 */
public record JourneyFacts(boolean known, boolean sealed, Set<AgencyCode> openInvolvements,
        Set<AgencyCode> submittingAgencies, Map<AgencyCode, Set<EntryId>> releases,
        Set<ConsentScope> consentRefusedScopes, List<EntryFacts> entries, @Nullable EntryFacts childProtectionPlan) {

    public JourneyFacts {
        openInvolvements = Set.copyOf(openInvolvements);
        submittingAgencies = Set.copyOf(submittingAgencies);
        releases = Map.copyOf(releases);
        consentRefusedScopes = Set.copyOf(consentRefusedScopes);
        entries = List.copyOf(entries);
    }

    /** The facts of a journey the record does not hold. */
    public static JourneyFacts unknown() {
        return new JourneyFacts(false, false, Set.of(), Set.of(), Map.of(), Set.of(), List.of(), null);
    }

    /** The agencies that hold the child's record: those working with the child, and those that recorded entries. */
    public Set<AgencyCode> owningAgencies() {
        Set<AgencyCode> owners = new HashSet<>(openInvolvements);
        owners.addAll(submittingAgencies);
        return Set.copyOf(owners);
    }

    /** Entries the hub released to this agency. */
    public Set<EntryId> releasedTo(@Nullable AgencyCode agency) {
        return agency == null ? Set.of() : releases.getOrDefault(agency, Set.of());
    }

    /**
     * Whether the family refused or withdrew consent to sharing with this kind of agency. A refusal for all
     * agencies applies even where the reader's kind is unknown.
     */
    public boolean consentRefusedFor(@Nullable AgencyKind kind) {
        return consentRefusedScopes.stream()
                .anyMatch(scope -> scope.agencyKind() == null || (kind != null && scope.covers(kind)));
    }
}

package org.childjourney.core.person;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;

/**
 * The register of local identifier systems, kept beside the register of agencies: each system belongs to the one
 * agency that registered it ({@code police-east/person} to {@code police-east}), or is a national system shared by
 * every agency of one kind ({@code upn}, the unique pupil number, by every school). An agency may use only its own
 * systems and the national systems of its kind, and a local id's digest is scoped to the system's owner, so that one
 * agency's local id never places an entry on a journey through another agency's id.
 *
 * @param agencySystems  system to the agency that registered it
 * @param sharedSystems  national system to the kind of agency that shares it
 */
public record LocalIdSystems(Map<String, AgencyCode> agencySystems, Map<String, AgencyKind> sharedSystems) {

    public LocalIdSystems {
        agencySystems = Map.copyOf(agencySystems);
        sharedSystems = Map.copyOf(sharedSystems);
        agencySystems.keySet().stream().filter(sharedSystems::containsKey).findFirst().ifPresent(system -> {
            throw new IllegalArgumentException("a system is registered both to an agency and as shared: " + system);
        });
    }

    /**
     * The register as a deployment configures it: systems to agency codes, national systems to kinds.
     *
     * @throws IllegalStateException if a system belongs to an agency the register of agencies does not hold
     */
    public static LocalIdSystems configured(Map<String, String> agencySystems, Map<String, AgencyKind> sharedSystems,
            Set<String> registeredAgencies) {
        Map<String, AgencyCode> owners = new HashMap<>();
        agencySystems.forEach((system, agency) -> {
            if (!registeredAgencies.contains(agency)) {
                throw new IllegalStateException("local id system " + system + " belongs to no registered agency");
            }
            owners.put(system, AgencyCode.of(agency));
        });
        return new LocalIdSystems(owners, sharedSystems);
    }

    /** Whether this agency may identify children by this system. */
    public boolean mayUse(Agency agency, String system) {
        return agency.code().equals(agencySystems.get(system)) || agency.kind() == sharedSystems.get(system);
    }

    /**
     * What a local id of this system is scoped to in its digest: {@code agency:<code>} for an agency's own system,
     * {@code national} for a shared one; empty for a system nobody registered.
     */
    public Optional<String> scopeOf(String system) {
        AgencyCode owner = agencySystems.get(system);
        if (owner != null) {
            return Optional.of("agency:" + owner.value());
        }
        return sharedSystems.containsKey(system) ? Optional.of("national") : Optional.empty();
    }
}

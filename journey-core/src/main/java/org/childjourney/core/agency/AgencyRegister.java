package org.childjourney.core.agency;

import java.util.Map;
import java.util.Optional;
import org.childjourney.core.person.LocalIdSystems;
import org.jspecify.annotations.Nullable;

/**
 * The deployment's register of agencies, configured once for both services ({@code childjourney.register}, in
 * {@code childjourney-register.yml}): every agency code with its kind, each local identifier system with the agency
 * that registered it, and the national systems that every agency of a kind shares. An agency's kind is taken from
 * here, never from a token.
 *
 * @param agencies             agency code to kind
 * @param localIdSystems       local identifier system to the code of the agency that registered it
 * @param sharedLocalIdSystems national identifier system to the kind of agency that shares it
 */
public record AgencyRegister(Map<String, AgencyKind> agencies, @Nullable Map<String, String> localIdSystems,
        @Nullable Map<String, AgencyKind> sharedLocalIdSystems) {

    public AgencyRegister {
        if (agencies == null || agencies.isEmpty()) {
            throw new IllegalStateException("the agency register names no agency (childjourney.register.agencies)");
        }
        agencies = Map.copyOf(agencies);
        localIdSystems = localIdSystems == null ? Map.of() : Map.copyOf(localIdSystems);
        sharedLocalIdSystems = sharedLocalIdSystems == null ? Map.of() : Map.copyOf(sharedLocalIdSystems);
    }

    /** The kind of a registered agency, or {@code null} for none or an unregistered one. */
    public @Nullable AgencyKind kindOf(@Nullable AgencyCode agency) {
        return agency == null ? null : agencies.get(agency.value());
    }

    /** The registered agency with this code, if there is one. */
    public Optional<Agency> agency(AgencyCode code) {
        return Optional.ofNullable(kindOf(code)).map(kind -> new Agency(code, kind));
    }

    /**
     * The register of local identifier systems.
     *
     * @throws IllegalStateException if a system belongs to an agency the register does not hold
     */
    public LocalIdSystems localIds() {
        return LocalIdSystems.configured(localIdSystems, sharedLocalIdSystems, agencies.keySet());
    }
}

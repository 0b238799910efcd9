package org.childjourney.core.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.childjourney.core.agency.Agency;
import org.jspecify.annotations.Nullable;

/**
 * The keyed digests a child's identifiers are looked up by, in the gateway's ledger and the query API's lookup
 * alike: the NHS number's, and the local id's scoped to the owner of its system ({@link LocalIdSystems}), so that
 * one agency's local id never leads to a journey through another agency's id with the same system name and value.
 */
public final class IdentifierDigests {

    private final KeyedDigest digest;
    private final LocalIdSystems systems;

    public IdentifierDigests(KeyedDigest digest, LocalIdSystems systems) {
        this.digest = digest;
        this.systems = systems;
    }

    public Optional<String> ofNhsNumber(@Nullable NhsNumber nhsNumber) {
        return Optional.ofNullable(nhsNumber).map(digest::of);
    }

    /** The local id's digest; none for a system nobody registered. */
    public Optional<String> ofLocalId(@Nullable LocalId localId) {
        return localId == null ? Optional.empty()
                : systems.scopeOf(localId.system()).map(scope -> digest.of(localId, scope));
    }

    /**
     * The digests a recorded entry's subject is found by: its NHS number's, then its local id's if the agency that
     * sent it may use that system (entries recorded before the register may name another agency's system: such an
     * id never leads to a journey).
     */
    public List<String> of(Agency sender, Subject subject) {
        List<String> digests = new ArrayList<>();
        ofNhsNumber(subject.nhsNumber()).ifPresent(digests::add);
        if (mayUseLocalId(sender, subject)) {
            ofLocalId(subject.localId()).ifPresent(digests::add);
        }
        return digests;
    }

    /** Whether this agency may identify a child by the subject's local id system (or the subject gives none). */
    public boolean mayUseLocalId(Agency agency, Subject subject) {
        return subject.localId() == null || systems.mayUse(agency, subject.localId().system());
    }

    @Override
    public String toString() {
        return "IdentifierDigests[***]";
    }
}

package org.childjourney.query.search;

import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.LocalId;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.security.InvalidReadRequest;
import org.jspecify.annotations.Nullable;

/** The identifier a search names: an NHS number, or an agency's local id as system and value. */
public record IdentifierSearch(@Nullable String nhsNumber, @Nullable String system, @Nullable String value) {

    /**
     * The identifier's keyed digest, which is all a search takes further.
     *
     * @throws InvalidReadRequest for an invalid NHS number, an unregistered system, or neither or both identifiers
     */
    public String digest(IdentifierDigests digests) {
        if (nhsNumber != null && system == null && value == null) {
            if (!NhsNumber.isValid(nhsNumber.replace(" ", ""))) {
                throw new InvalidReadRequest("nhsNumber", "must be a valid NHS number");
            }
            return digests.ofNhsNumber(NhsNumber.of(nhsNumber)).orElseThrow();
        }
        if (nhsNumber == null && system != null && !system.isBlank() && value != null && !value.isBlank()) {
            return digests.ofLocalId(new LocalId(system, Sensitive.of(value))).orElseThrow(
                    () -> new InvalidReadRequest("system", "is not a registered local identifier system"));
        }
        throw new InvalidReadRequest("nhsNumber", "search by nhsNumber, or by system and value, not both");
    }
}

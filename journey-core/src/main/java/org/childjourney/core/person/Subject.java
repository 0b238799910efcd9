package org.childjourney.core.person;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The child an entry is about, as the submitting agency identified them: by at least one identifier, or as one of the
 * children of a household the record holds ({@link #ofHousehold}). The personal details are whatever the agency sent,
 * each redacted in {@code toString()}.
 *
 * @param household for an entry a household submission made, the household it recorded the child in (the other
 *                  children have entries of their own on their journeys); {@code null} otherwise
 */
public record Subject(@Nullable NhsNumber nhsNumber, @Nullable LocalId localId, @Nullable Sensitive<String> givenName,
        @Nullable Sensitive<String> familyName, @Nullable Sensitive<LocalDate> dateOfBirth,
        @Nullable Sensitive<String> postcode, @Nullable Household household) {

    /** The child as identified by one submission about them alone. */
    public Subject(@Nullable NhsNumber nhsNumber, @Nullable LocalId localId, @Nullable Sensitive<String> givenName,
            @Nullable Sensitive<String> familyName, @Nullable Sensitive<LocalDate> dateOfBirth,
            @Nullable Sensitive<String> postcode) {
        this(nhsNumber, localId, givenName, familyName, dateOfBirth, postcode, null);
    }

    /**
     * A child known to the submission only as one of the children of a household the record holds (a submission
     * naming the household's reference): the child's identifiers are those their journey already has.
     */
    public static Subject ofHousehold(Household household) {
        return new Subject(null, null, null, null, null, null, household);
    }

    /**
     * The child of the journey an entry is recorded on, named by no identifier of the entry's own: a decision the
     * hub records from its worklist, about the item it decides.
     */
    public static Subject ofTheJourney() {
        return new Subject(null, null, null, null, null, null, null);
    }

    /** The same child, recorded in this household. */
    public Subject inHousehold(Household recorded) {
        return new Subject(nhsNumber, localId, givenName, familyName, dateOfBirth, postcode, recorded);
    }
}

package org.childjourney.core.person;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The child an entry is about, as the submitting agency identified them. At least one identifier is present; the
 * personal details are whatever the agency sent, each redacted in {@code toString()}.
 */
public record Subject(@Nullable NhsNumber nhsNumber, @Nullable LocalId localId, @Nullable Sensitive<String> givenName,
        @Nullable Sensitive<String> familyName, @Nullable Sensitive<LocalDate> dateOfBirth,
        @Nullable Sensitive<String> postcode) {
}

package org.childjourney.core.person;

import org.jspecify.annotations.Nullable;

/** An adult living with the children of a household, as the submitting agency named them. */
public record HouseholdAdult(Relationship relationship, @Nullable Sensitive<String> givenName,
        @Nullable Sensitive<String> familyName) {
}

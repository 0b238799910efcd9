package org.childjourney.core.matching;

/**
 * A kind of demographic feature a journey is matched by. Each is kept as a keyed digest of its normalised value,
 * never in clear; the kind itself is stored beside it. Constants are stored: never renamed or removed.
 */
public enum Feature {
    /** The given name, in lower-case letters only. */
    GIVEN_NAME,
    /** The family name, likewise. */
    FAMILY_NAME,
    /** How the given name sounds (Double Metaphone): Jon and John, Aimee and Amy. */
    GIVEN_NAME_SOUND,
    /** How the family name sounds: Smith and Smyth. */
    FAMILY_NAME_SOUND,
    /** The date of birth. */
    DATE_OF_BIRTH,
    /** The year and month of birth. */
    MONTH_OF_BIRTH,
    /** The postcode, in capitals without spaces. */
    POSTCODE,
    /** The postcode's outward code (its district): a family that moved nearby. */
    POSTCODE_DISTRICT,
    /** The NHS number: two journeys with different NHS numbers are two children. */
    NHS_NUMBER,
    /** Blocking key: the family name's sound and the year of birth. */
    BLOCK_FAMILY_YEAR,
    /** Blocking key: the given name's sound and the postcode district. */
    BLOCK_GIVEN_DISTRICT
}

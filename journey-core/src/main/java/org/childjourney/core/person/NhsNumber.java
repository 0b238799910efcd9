package org.childjourney.core.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A 10-digit NHS number whose last digit is the modulus 11 check digit over the first nine (weights 10 down to 2;
 * a remainder giving 10 is never issued). The closest thing England has to a consistent child identifier.
 * Prints redacted.
 */
public final class NhsNumber {

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses an NHS number written as ten digits, optionally grouped 3-3-4 with spaces.
     *
     * @throws IllegalArgumentException with a message that never repeats the input
     */
    @JsonCreator
    public static NhsNumber of(String text) {
        String digits = text.replace(" ", "");
        if (!isValid(digits)) {
            throw new IllegalArgumentException("not a valid NHS number: 10 digits with a modulus 11 check digit");
        }
        return new NhsNumber(digits);
    }

    /** Whether the text is ten ASCII digits whose last is the correct modulus 11 check digit. */
    public static boolean isValid(String digits) {
        // ASCII only: Character.isDigit also admits other scripts' digits, which the arithmetic below misreads.
        if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The ten digits, unspaced. */
    @JsonValue
    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NhsNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "NhsNumber[***]";
    }
}

package org.childjourney.core.person;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random NHS numbers with a valid modulus 11 check digit, so that every test can have a child of its own, all in
 * the 999 range the NHS reserves for testing, so that none is a real person's. Shared with the services' tests
 * through journey-core's test jar.
 */
public final class FictionalNhsNumbers {

    private FictionalNhsNumbers() {
    }

    /** Ten digits whose last is the correct check digit. */
    public static String next() {
        while (true) {
            StringBuilder number = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = i < 3 ? 9 : ThreadLocalRandom.current().nextInt(10);
                number.append(digit);
                sum += digit * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return number.append(check).toString();
            }
        }
    }
}

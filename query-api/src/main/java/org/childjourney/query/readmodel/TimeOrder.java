package org.childjourney.query.readmodel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant as a read-model field that sorts in time order: UTC with nine digits of fraction, always. An instant's
 * own text drops trailing zeros ({@code 10:15:39.86Z}), so that two of them compare as text out of order
 * ({@code .867Z} before {@code .86Z}); a list that sorts on a time field sorts on this.
 */
public final class TimeOrder {

    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TimeOrder() {
    }

    public static String of(Instant at) {
        return FIXED.format(at);
    }
}

package org.childjourney.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.childjourney.query.security.InvalidReadRequest;
import org.jspecify.annotations.Nullable;

/** Where the next page of the disclosure log starts: after this position in the event store. Opaque to clients. */
public record PageToken(long after) {

    /** Before the first page. */
    static final PageToken START = new PageToken(-1);

    String text() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("after:" + after).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Where a listing asks to start: at the beginning without a token, else after the token it sent back (an empty
     * one is not a token).
     *
     * @throws InvalidReadRequest if the token is not one this service gave
     */
    public static PageToken at(@Nullable String page) {
        try {
            return page == null ? START : parse(page);
        } catch (IllegalArgumentException notAToken) {
            throw new InvalidReadRequest("page", "must be a page token from an earlier answer's next");
        }
    }

    /**
     * The token a client sent back.
     *
     * @throws IllegalArgumentException if it is not one this service gave
     */
    static PageToken parse(String text) {
        String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        if (!decoded.matches("after:\\d{1,18}")) {
            throw new IllegalArgumentException("not a page token");
        }
        return new PageToken(Long.parseLong(decoded.substring("after:".length())));
    }
}

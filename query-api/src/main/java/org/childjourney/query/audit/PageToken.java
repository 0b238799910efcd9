package org.childjourney.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where the next page of the disclosure log starts: after this position in the event store. Opaque to clients. */
record PageToken(long after) {

    /** Before the first page. */
    static final PageToken START = new PageToken(-1);

    String text() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("after:" + after).getBytes(StandardCharsets.US_ASCII));
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

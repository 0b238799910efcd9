package org.childjourney.query.security;

/** A caller spent their allowance of requests; nothing was read or recorded. */
public class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("too many requests");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The whole seconds to wait before the caller may call again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

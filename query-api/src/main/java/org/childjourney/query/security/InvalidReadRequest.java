package org.childjourney.query.security;

/** A read request is malformed (no purpose, an unknown one, an emergency without justification): {@code 400}. */
public class InvalidReadRequest extends RuntimeException {

    private final String field;

    public InvalidReadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

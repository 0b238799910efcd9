package org.childjourney.query.security;

/**
 * The access policy refused a read. Carries no reason: the reader learns nothing about whether the child exists;
 * the reason is in the disclosure record.
 */
public class ReadRefused extends RuntimeException {

    public ReadRefused() {
        super("read refused");
    }
}

package org.childjourney.query.search;

import org.childjourney.query.security.Reader;

/**
 * Find the journeys of a child by an identifier, as this reader, for this purpose.
 *
 * @param identifierDigest the keyed digest of the NHS number or local id searched for; the identifier itself
 *                         goes no further than the controller
 */
public record FindJourneys(String identifierDigest, Reader reader) {

    @Override
    public String toString() {
        return "FindJourneys[" + reader + "]";
    }
}

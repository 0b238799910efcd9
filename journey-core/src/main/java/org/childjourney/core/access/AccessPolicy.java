package org.childjourney.core.access;

/**
 * The rules that decide reads of children's journeys, in one version: deny by default, and what a permitted read
 * shows, on which grounds. {@link AccessPolicies} names every version still callable.
 */
public interface AccessPolicy {

    AccessDecision decide(AccessRequest request, JourneyFacts facts);

    /**
     * Whether the reader may read for the request's purpose at all, on some journey: the roles (and agency kind) it
     * needs, and a justification where it needs one. A search by a reader who may not is refused outright.
     */
    boolean mayReadFor(AccessRequest request);
}

package org.childjourney.core.access;

/**
 * One rule about reading a child's journey. A rule either refuses the read or permits it, possibly withholding
 * some entries; rules combine with {@link #and}: the first refusal wins and withheld entries add up.
 */
@FunctionalInterface
public interface AccessPolicy {

    AccessDecision decide(AccessRequest request, JourneyFacts facts);

    /** This rule, then {@code next}: refused if either refuses, withholding what either withholds. */
    default AccessPolicy and(AccessPolicy next) {
        return (request, facts) -> {
            AccessDecision first = decide(request, facts);
            if (!(first instanceof AccessDecision.Permitted permitted)) {
                return first;
            }
            AccessDecision second = next.decide(request, facts);
            if (!(second instanceof AccessDecision.Permitted more)) {
                return second;
            }
            return permitted.and(more);
        };
    }
}

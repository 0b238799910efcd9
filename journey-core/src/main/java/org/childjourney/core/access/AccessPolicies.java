package org.childjourney.core.access;

import java.util.Map;
import java.util.Optional;

/**
 * The access policy in force, and every earlier version a stored disclosure record names, callable by its name: a
 * past read is explained under the rules that decided it. Each change to the rules is a new version; a version once
 * recorded never changes. {@code docs/access-model.md} explains the rules in force in words.
 */
public final class AccessPolicies {

    /** The version of the rules in force, recorded with every decision. */
    public static final String VERSION = NeedToKnow.VERSION;

    private static final AccessPolicy CURRENT = new NeedToKnow();

    /**
     * Every version still callable. Versions 2026.11-1 and 2026.11-2 were development versions, never released:
     * records naming them are answered as having no rules kept ({@link #named} is empty).
     */
    private static final Map<String, AccessPolicy> VERSIONS = Map.of(
            NeedToKnow.VERSION, CURRENT,
            RelationshipRules.VERSION, new RelationshipRules());

    private AccessPolicies() {
    }

    /** The rules in force. */
    public static AccessPolicy current() {
        return CURRENT;
    }

    /** The rules of this version, if kept. */
    public static Optional<AccessPolicy> named(String version) {
        return Optional.ofNullable(VERSIONS.get(version));
    }
}

package org.childjourney.core.access;

import java.util.Set;
import java.util.stream.Collectors;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;

/**
 * The access rules in force, as named constants, and their combination. Deny by default: a read goes ahead only
 * when every rule permits it. Each change to a rule bumps {@link #VERSION}, which every disclosure record names.
 */
public final class AccessPolicies {

    /** The version of the rules below, recorded with every decision. */
    public static final String VERSION = "2026.11-1";

    private static final Set<Purpose> CONSENT_OVERRIDING_PURPOSES = Set.of(Purpose.SAFEGUARDING_ENQUIRY,
            Purpose.EMERGENCY);

    private AccessPolicies() {
    }

    /** A journey the record does not hold is refused, exactly like a journey the reader may not see. */
    public static final AccessPolicy KNOWN_JOURNEY = (request, facts) -> facts.known()
            ? permitted(request)
            : new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY);

    /**
     * Journeys are read by practitioners and hub members; the access log also by auditors (domain brief, section
     * 7: who read what, for which purpose).
     */
    public static final AccessPolicy ROLE_FOR_READ = (request, facts) -> {
        Viewer viewer = request.viewer();
        boolean reads = viewer.holds(Role.PRACTITIONER) || viewer.holds(Role.MASH)
                || (request.kind() == ReadKind.ACCESS_LOG && viewer.holds(Role.AUDITOR));
        return reads ? permitted(request) : new AccessDecision.Refused(RefusalReason.ROLE_NOT_PERMITTED);
    };

    /**
     * A practitioner reads a child's journey only where their agency is actually working with the child: it has an
     * open involvement, or it has itself submitted an entry about the child. Hub members read every journey
     * (the hub pools information, seeds/003 para 3.31); auditors read the access log of any journey.
     */
    public static final AccessPolicy LEGITIMATE_RELATIONSHIP = (request, facts) -> {
        Viewer viewer = request.viewer();
        boolean related = viewer.holds(Role.MASH)
                || (request.kind() == ReadKind.ACCESS_LOG && viewer.holds(Role.AUDITOR))
                || (viewer.agency() != null && (facts.openInvolvements().contains(viewer.agency())
                        || facts.submittingAgencies().contains(viewer.agency())));
        return related ? permitted(request) : new AccessDecision.Refused(RefusalReason.NO_LEGITIMATE_RELATIONSHIP);
    };

    /**
     * Entries shared under a family's refusal of consent are withheld, except in a s.47 enquiry or an emergency,
     * where consent is not the basis for sharing (Working Together 2018, seeds/004).
     */
    public static final AccessPolicy CONSENT_REFUSED = (request, facts) -> {
        if (CONSENT_OVERRIDING_PURPOSES.contains(request.purpose())) {
            return permitted(request);
        }
        Set<EntryId> refused = facts.entries().stream()
                .filter(entry -> entry.consent() == ConsentStatus.REFUSED)
                .map(EntryFacts::entryId)
                .collect(Collectors.toSet());
        return new AccessDecision.Permitted(request.purpose().basis(), refused);
    };

    private static final AccessPolicy ALL = KNOWN_JOURNEY.and(ROLE_FOR_READ).and(LEGITIMATE_RELATIONSHIP)
            .and(CONSENT_REFUSED);

    /** Every rule in force, combined. */
    public static AccessPolicy all() {
        return ALL;
    }

    private static AccessDecision permitted(AccessRequest request) {
        return new AccessDecision.Permitted(request.purpose().basis(), Set.of());
    }
}

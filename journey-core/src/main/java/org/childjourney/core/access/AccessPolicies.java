package org.childjourney.core.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.provenance.Sensitivity;

/**
 * The access rules in force, as named constants, and their combination. Deny by default: a read goes ahead only
 * when every rule permits it; what the rules withhold or redact adds up. Each change to a rule bumps
 * {@link #VERSION}, which every disclosure record names. {@code docs/access-model.md} explains each rule in words
 * and {@code docs/access-decisions.csv} lists the decision for every combination the tests walk.
 */
public final class AccessPolicies {

    /** The version of the rules below, recorded with every decision. */
    public static final String VERSION = "2026.11-3";

    /**
     * Purposes at or above the s.47 threshold, or outside ordinary sharing, for which consent is not the basis:
     * a s.47 enquiry, an emergency, triage inside the hub, an emergency department's check, and a review.
     */
    private static final Set<Purpose> CONSENT_NOT_THE_BASIS = EnumSet.of(Purpose.SAFEGUARDING_ENQUIRY,
            Purpose.EMERGENCY, Purpose.MASH_TRIAGE, Purpose.UNSCHEDULED_CARE, Purpose.CASE_REVIEW);

    /** Purposes that may see the details of sensitive entries recorded by other agencies. */
    private static final Set<Purpose> SEE_SENSITIVE_DETAILS = EnumSet.of(Purpose.SAFEGUARDING_ENQUIRY,
            Purpose.MASH_TRIAGE, Purpose.CASE_REVIEW);

    private AccessPolicies() {
    }

    /** A journey the record does not hold is refused, exactly like a journey the reader may not see. */
    public static final AccessPolicy KNOWN_JOURNEY = (request, facts) -> facts.known()
            ? permitted(request)
            : new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY);

    /**
     * A sealed journey (for example after adoption) is read by auditors only, for a review or its access log,
     * whatever other roles they hold.
     */
    public static final AccessPolicy SEALED_JOURNEY = (request, facts) -> facts.sealed()
            && !(request.viewer().holds(Role.AUDITOR)
                    && (request.purpose() == Purpose.CASE_REVIEW || request.kind() == ReadKind.ACCESS_LOG))
            ? new AccessDecision.Refused(RefusalReason.JOURNEY_SEALED)
            : permitted(request);

    /**
     * A s.47 enquiry is the local authority's duty, undertaken with the police (Children Act 1989 s.47; Working
     * Together 2018): outside the hub, only their practitioners may read for it. Schools and health contribute to
     * enquiries through children's social care, not by reading for one.
     */
    private static final Set<AgencyKind> ENQUIRING_AGENCIES = EnumSet.of(AgencyKind.CHILDRENS_SOCIAL_CARE,
            AgencyKind.POLICE);

    /**
     * The reader must hold a role the purpose names; the emergency department's purpose is for health agencies; a
     * s.47 enquiry is for the hub and for children's social care and the police; an emergency read needs a
     * justification. Auditors read any journey's access log (domain brief, section 7).
     */
    public static final AccessPolicy PURPOSE_FOR_ROLE = (request, facts) -> {
        Viewer viewer = request.viewer();
        if (request.kind() == ReadKind.ACCESS_LOG && viewer.holds(Role.AUDITOR)) {
            return permitted(request);
        }
        if (request.purpose().roles().stream().noneMatch(viewer::holds)
                || (request.purpose() == Purpose.UNSCHEDULED_CARE && request.agencyKind() != AgencyKind.HEALTH)
                || (request.purpose() == Purpose.SAFEGUARDING_ENQUIRY && !viewer.holds(Role.MASH)
                        && !ENQUIRING_AGENCIES.contains(request.agencyKind()))) {
            return new AccessDecision.Refused(RefusalReason.PURPOSE_NOT_PERMITTED);
        }
        if (request.purpose() == Purpose.EMERGENCY
                && (request.justification() == null || request.justification().isBlank())) {
            return new AccessDecision.Refused(RefusalReason.JUSTIFICATION_MISSING);
        }
        return permitted(request);
    };

    /**
     * A reader needs a legitimate relationship with the child: their agency has an open involvement (including an
     * allocation), has itself submitted an entry about the child, or was sent entries by the hub (and then sees
     * only those). Hub members triaging, emergency departments at triage and auditors reviewing need none. A
     * practitioner without a working relationship may break glass to read the record in an emergency, with a
     * justification; the read is flagged for review and the grant is bounded in time ({@link BreakGlass}).
     */
    public static final AccessPolicy LEGITIMATE_RELATIONSHIP = (request, facts) -> {
        Viewer viewer = request.viewer();
        Purpose purpose = request.purpose();
        boolean needsNone = purpose == Purpose.MASH_TRIAGE || purpose == Purpose.UNSCHEDULED_CARE
                || (viewer.holds(Role.AUDITOR) && (purpose == Purpose.CASE_REVIEW
                        || request.kind() == ReadKind.ACCESS_LOG));
        boolean working = viewer.agency() != null && (facts.openInvolvements().contains(viewer.agency())
                || facts.submittingAgencies().contains(viewer.agency()));
        if (needsNone || working) {
            return permitted(request);
        }
        if (purpose == Purpose.EMERGENCY && request.kind() != ReadKind.ACCESS_LOG) {
            return new AccessDecision.Permitted(purpose.basis(), Set.of(), Set.of(), false, true);
        }
        Set<EntryId> released = facts.releasedTo(viewer.agency());
        if (!released.isEmpty()) {
            Set<EntryId> others = facts.entries().stream().map(EntryFacts::entryId)
                    .filter(Predicate.not(released::contains)).collect(Collectors.toSet());
            return new AccessDecision.Permitted(purpose.basis(), others, Set.of(), false, false);
        }
        return new AccessDecision.Refused(RefusalReason.NO_LEGITIMATE_RELATIONSHIP);
    };

    /**
     * Below the s.47 threshold sharing rests on consent (Working Together 2018, seeds/004): entries shared under a
     * refusal or later withdrawn are withheld, and where the family refused or withdrew consent to sharing with the
     * reader's kind of agency, entries that relied on consent are withheld too. Entries recorded without needing
     * consent, or without seeking it because that would be prejudicial, stay; so do the reader's own agency's
     * entries, and entries the hub released to the reader's agency (the hub has decided that sharing them is
     * justified). A refusal never escalates by itself: it changes nothing else.
     */
    public static final AccessPolicy CONSENT = (request, facts) -> {
        if (CONSENT_NOT_THE_BASIS.contains(request.purpose())) {
            return permitted(request);
        }
        boolean journeyRefused = facts.consentRefusedFor(request.agencyKind());
        Set<EntryId> released = facts.releasedTo(request.viewer().agency());
        Set<EntryId> withheld = facts.entries().stream()
                .filter(entry -> !entry.agency().equals(request.viewer().agency()))
                .filter(entry -> !released.contains(entry.entryId()))
                .filter(entry -> entry.consent() == ConsentStatus.REFUSED || entry.consent() == ConsentStatus.WITHDRAWN
                        || (journeyRefused && (entry.consent() == ConsentStatus.GIVEN
                                || entry.consent() == ConsentStatus.NOT_STATED)))
                .map(EntryFacts::entryId)
                .collect(Collectors.toSet());
        return new AccessDecision.Permitted(request.purpose().basis(), withheld, Set.of(), false, false);
    };

    /**
     * Sensitive entries (sexual health, mental health, a parent's detail from adult services, a child's
     * confidences: seeds/003 para 5.21) show their details only to a s.47 enquiry, the hub and reviews, and to the
     * agency that recorded them; other readers see that the entry exists, with its details redacted.
     */
    public static final AccessPolicy SENSITIVITY = (request, facts) -> {
        if (SEE_SENSITIVE_DETAILS.contains(request.purpose())) {
            return permitted(request);
        }
        Set<EntryId> redacted = facts.entries().stream()
                .filter(entry -> entry.sensitivity() != Sensitivity.NONE)
                .filter(entry -> !entry.agency().equals(request.viewer().agency()))
                .map(EntryFacts::entryId)
                .collect(Collectors.toSet());
        return new AccessDecision.Permitted(request.purpose().basis(), Set.of(), redacted, false, false);
    };

    /**
     * An emergency department checking a child at triage sees prior attendances and whether a child protection plan
     * exists, nothing more (Laming 2009, seeds/002): only A&amp;E attendances, summaries without details.
     */
    public static final AccessPolicy UNSCHEDULED_CARE_MINIMAL = (request, facts) -> {
        if (request.purpose() != Purpose.UNSCHEDULED_CARE) {
            return permitted(request);
        }
        Set<EntryId> others = facts.entries().stream().filter(entry -> entry.type() != EntryType.AE_ATTENDANCE)
                .map(EntryFacts::entryId).collect(Collectors.toSet());
        Set<EntryId> attendances = facts.entries().stream().filter(entry -> entry.type() == EntryType.AE_ATTENDANCE)
                .map(EntryFacts::entryId).collect(Collectors.toSet());
        return new AccessDecision.Permitted(request.purpose().basis(), others, attendances, true, false);
    };

    private static final AccessPolicy ALL = KNOWN_JOURNEY.and(SEALED_JOURNEY).and(PURPOSE_FOR_ROLE)
            .and(LEGITIMATE_RELATIONSHIP).and(CONSENT).and(SENSITIVITY).and(UNSCHEDULED_CARE_MINIMAL);

    /** Every rule in force, combined. */
    public static AccessPolicy all() {
        return ALL;
    }

    private static AccessDecision permitted(AccessRequest request) {
        return AccessDecision.Permitted.on(request.purpose().basis());
    }
}

package org.childjourney.core.access;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.provenance.Sensitivity;

/**
 * The rules of policy {@value #VERSION}, in force until contract v2, kept callable so that the reads they decided
 * can be explained as they were decided: a reader whose agency had an open involvement or had submitted any entry
 * read the whole journey, less what consent and sensitivity withheld; the hub and emergency departments needed no
 * relationship; anyone could break glass. Superseded by {@link NeedToKnow} because that relationship over-shared:
 * one entry opened the whole multi-agency record for years. Never change these rules; write a new version.
 */
final class RelationshipRules implements AccessPolicy {

    static final String VERSION = "2026.11-3";

    private static final Set<Purpose> CONSENT_NOT_THE_BASIS = EnumSet.of(Purpose.SAFEGUARDING_ENQUIRY,
            Purpose.EMERGENCY, Purpose.MASH_TRIAGE, Purpose.UNSCHEDULED_CARE, Purpose.CASE_REVIEW);
    private static final Set<Purpose> SEE_SENSITIVE_DETAILS = EnumSet.of(Purpose.SAFEGUARDING_ENQUIRY,
            Purpose.MASH_TRIAGE, Purpose.CASE_REVIEW);
    private static final Set<AgencyKind> ENQUIRING_AGENCIES = EnumSet.of(AgencyKind.CHILDRENS_SOCIAL_CARE,
            AgencyKind.POLICE);

    @Override
    public boolean mayReadFor(AccessRequest request) {
        return purposeFor(request) && justified(request);
    }

    private static boolean purposeFor(AccessRequest request) {
        Purpose purpose = request.purpose();
        return purpose != Purpose.URGENT_CHECK && purpose.roles().stream().anyMatch(request.viewer()::holds)
                && (purpose != Purpose.UNSCHEDULED_CARE || request.agencyKind() == AgencyKind.HEALTH)
                && (purpose != Purpose.SAFEGUARDING_ENQUIRY || request.viewer().holds(Role.MASH)
                        || ENQUIRING_AGENCIES.contains(request.agencyKind()));
    }

    private static boolean justified(AccessRequest request) {
        return request.purpose() != Purpose.EMERGENCY
                || (request.justification() != null && !request.justification().isBlank());
    }

    @Override
    public AccessDecision decide(AccessRequest request, JourneyFacts facts) {
        Viewer viewer = request.viewer();
        Purpose purpose = request.purpose();
        boolean auditorsRead = viewer.holds(Role.AUDITOR)
                && (purpose == Purpose.CASE_REVIEW || request.kind() == ReadKind.ACCESS_LOG);
        if (!facts.known()) {
            return new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY);
        }
        if (facts.sealed() && !auditorsRead) {
            return new AccessDecision.Refused(RefusalReason.JOURNEY_SEALED);
        }
        boolean auditorsLog = request.kind() == ReadKind.ACCESS_LOG && viewer.holds(Role.AUDITOR);
        if (!auditorsLog && !purposeFor(request)) {
            return new AccessDecision.Refused(RefusalReason.PURPOSE_NOT_PERMITTED);
        }
        if (!auditorsLog && !justified(request)) {
            return new AccessDecision.Refused(RefusalReason.JUSTIFICATION_MISSING);
        }
        Set<EntryId> withheld = new HashSet<>();
        Set<EntryId> redacted = new HashSet<>();
        boolean breakGlass = false;
        boolean needsNone = purpose == Purpose.MASH_TRIAGE || purpose == Purpose.UNSCHEDULED_CARE || auditorsRead;
        boolean working = viewer.agency() != null && (facts.openInvolvements().contains(viewer.agency())
                || facts.submittingAgencies().contains(viewer.agency()));
        Set<EntryId> released = facts.releasedTo(viewer.agency());
        if (!needsNone && !working) {
            if (purpose == Purpose.EMERGENCY && request.kind() != ReadKind.ACCESS_LOG) {
                breakGlass = true;
            } else if (!released.isEmpty()) {
                facts.entries().stream().map(EntryFacts::entryId).filter(id -> !released.contains(id))
                        .forEach(withheld::add);
            } else {
                return new AccessDecision.Refused(RefusalReason.NO_LEGITIMATE_RELATIONSHIP);
            }
        }
        boolean journeyRefused = facts.consentRefusedFor(request.agencyKind());
        for (EntryFacts entry : facts.entries()) {
            boolean others = !entry.agency().equals(viewer.agency());
            if (!CONSENT_NOT_THE_BASIS.contains(purpose) && others && !released.contains(entry.entryId())
                    && (entry.consent() == ConsentStatus.REFUSED || entry.consent() == ConsentStatus.WITHDRAWN
                            || (journeyRefused && (entry.consent() == ConsentStatus.GIVEN
                                    || entry.consent() == ConsentStatus.NOT_STATED)))) {
                withheld.add(entry.entryId());
            }
            if (!SEE_SENSITIVE_DETAILS.contains(purpose) && others && entry.sensitivity() != Sensitivity.NONE) {
                redacted.add(entry.entryId());
            }
            if (purpose == Purpose.UNSCHEDULED_CARE) {
                (entry.type() == EntryType.AE_ATTENDANCE ? redacted : withheld).add(entry.entryId());
            }
        }
        withheld.addAll(facts.retracted());
        Map<EntryId, EntryView> shown = new HashMap<>();
        facts.entries().stream().map(EntryFacts::entryId).filter(id -> !withheld.contains(id))
                .forEach(id -> shown.put(id, redacted.contains(id) ? EntryView.SUMMARY_ONLY : EntryView.FULL));
        AccessDecision.Flags flags = purpose != Purpose.UNSCHEDULED_CARE ? null
                : new AccessDecision.Flags(facts.childProtectionPlan() != null, !facts.leadAgencies().isEmpty(),
                        facts.leadAgency().orElse(null), shown.size());
        return new AccessDecision.Permitted(purpose.basis(), breakGlass ? List.of(Ground.BREAK_GLASS) : List.of(),
                shown, withheld, flags);
    }
}

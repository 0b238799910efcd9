package org.childjourney.core.access;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * Need to know (contract v2, policy {@value #VERSION}): a read is permitted only on a ground, and shows the union of
 * its grounds' views. Deny by default. Every ground but {@code triage-check} and {@code break-glass} rests on facts
 * recorded on the journey, as of its latest event; those two rest on the reader's declared purpose and are bounded,
 * recorded and notified by the services. {@code docs/access-model.md} explains each ground in words and
 * {@code docs/access-decisions.csv} lists the decision for every combination the tests walk.
 *
 * <p>Across the grounds: retracted entries are shown only to a review; sensitive entries of other agencies show
 * their details and summary only under {@code enquiry}, {@code hub} and {@code review}; a decision not to share
 * withholds entries from that agency under every ground but {@code hub} (which releases them) and {@code review};
 * an amendment (correction or retraction) is shown no more than the entry it amends.
 */
public final class NeedToKnow implements AccessPolicy {

    /** The version of these rules, recorded with every decision. */
    public static final String VERSION = "2026.12-1";

    /** The grounds a read for each purpose may rest on. */
    private static final Map<Purpose, List<Ground>> GROUNDS = new EnumMap<>(Map.of(
            Purpose.CHILD_IN_NEED, List.of(Ground.OWN_RECORD, Ground.LEAD, Ground.TEAM),
            Purpose.EARLY_HELP, List.of(Ground.OWN_RECORD, Ground.LEAD, Ground.TEAM),
            Purpose.SAFEGUARDING_ENQUIRY, List.of(Ground.ENQUIRY),
            Purpose.MASH_TRIAGE, List.of(Ground.HUB),
            Purpose.UNSCHEDULED_CARE, List.of(Ground.TRIAGE_CHECK),
            Purpose.URGENT_CHECK, List.of(Ground.TRIAGE_CHECK),
            Purpose.EMERGENCY, List.of(Ground.BREAK_GLASS),
            Purpose.CASE_REVIEW, List.of(Ground.REVIEW)));

    /** The kinds of agency whose practitioners may use a purpose, where not every kind may. */
    private static final Map<Purpose, Set<AgencyKind>> KINDS = new EnumMap<>(Map.of(
            Purpose.UNSCHEDULED_CARE, EnumSet.of(AgencyKind.HEALTH),
            Purpose.URGENT_CHECK, EnumSet.of(AgencyKind.POLICE, AgencyKind.HEALTH)));

    /** Grounds that see other agencies' sensitive details. */
    private static final Set<Ground> SEE_SENSITIVE = EnumSet.of(Ground.ENQUIRY, Ground.HUB, Ground.REVIEW);

    /** Grounds that decisions not to share do not bind: the hub releases, a review sees what happened. */
    private static final Set<Ground> ABOVE_NON_DISCLOSURE = EnumSet.of(Ground.HUB, Ground.REVIEW);

    /** Grounds on which an access log may be read: those resting on recorded facts, and reviews. */
    private static final Set<Ground> READ_ACCESS_LOG = EnumSet.of(Ground.OWN_RECORD, Ground.LEAD, Ground.TEAM,
            Ground.ENQUIRY, Ground.HUB, Ground.REVIEW);

    /** Agencies that, breaking glass, see the whole journey; others see the flags and whom to call. */
    private static final Set<AgencyKind> BREAK_GLASS_WHOLE = EnumSet.of(AgencyKind.POLICE, AgencyKind.HEALTH,
            AgencyKind.CHILDRENS_SOCIAL_CARE);

    @Override
    public AccessDecision decide(AccessRequest request, JourneyFacts facts) {
        Viewer viewer = request.viewer();
        Purpose purpose = request.purpose();
        boolean auditor = viewer.holds(Role.AUDITOR);
        if (!facts.known()) {
            return new AccessDecision.Refused(RefusalReason.UNKNOWN_JOURNEY);
        }
        boolean auditorsLog = auditor && request.kind() == ReadKind.ACCESS_LOG;
        if (facts.erasure() != null && !auditorsLog) {
            return new AccessDecision.Refused(RefusalReason.JOURNEY_ERASED);
        }
        if (facts.sealed() && !(auditor && (purpose == Purpose.CASE_REVIEW || auditorsLog))) {
            return new AccessDecision.Refused(RefusalReason.JOURNEY_SEALED);
        }
        if (auditorsLog) {
            return permitted(request, facts, List.of(Ground.REVIEW));
        }
        if (!purposeFor(request)) {
            return new AccessDecision.Refused(RefusalReason.PURPOSE_NOT_PERMITTED);
        }
        if (purpose == Purpose.EMERGENCY && !BreakGlass.justified(request.justification())) {
            return new AccessDecision.Refused(RefusalReason.JUSTIFICATION_MISSING);
        }
        List<Ground> grounds = GROUNDS.get(purpose).stream()
                .filter(ground -> request.kind() != ReadKind.ACCESS_LOG || READ_ACCESS_LOG.contains(ground))
                .filter(ground -> holds(ground, request, facts))
                .toList();
        if (grounds.isEmpty()) {
            return new AccessDecision.Refused(RefusalReason.NO_GROUND);
        }
        return permitted(request, facts, grounds);
    }

    @Override
    public boolean mayReadFor(AccessRequest request) {
        return purposeFor(request)
                && (request.purpose() != Purpose.EMERGENCY || BreakGlass.justified(request.justification()));
    }

    /** Whether the reader holds a role the purpose names, in a kind of agency that may use it. */
    private static boolean purposeFor(AccessRequest request) {
        Set<AgencyKind> kinds = KINDS.get(request.purpose());
        return request.purpose().roles().stream().anyMatch(request.viewer()::holds)
                && (kinds == null || (request.agencyKind() != null && kinds.contains(request.agencyKind())));
    }

    /** Whether the facts recorded on the journey (or, for the two declared grounds, the request) give the ground. */
    private static boolean holds(Ground ground, AccessRequest request, JourneyFacts facts) {
        Viewer viewer = request.viewer();
        AgencyCode agency = viewer.agency();
        return switch (ground) {
            case OWN_RECORD -> agency != null
                    && (facts.recordingAgencies().contains(agency) || !facts.releasedTo(agency).isEmpty());
            case LEAD -> agency != null && facts.leadAgencies().contains(agency);
            case TEAM -> facts.onTeam(viewer);
            case ENQUIRY -> facts.enquiring(agency);
            case HUB -> viewer.holds(Role.MASH) && facts.atTheFrontDoor(request.at());
            case TRIAGE_CHECK, BREAK_GLASS -> viewer.holds(Role.PRACTITIONER);
            case REVIEW -> viewer.holds(Role.AUDITOR);
        };
    }

    private static AccessDecision.Permitted permitted(AccessRequest request, JourneyFacts facts,
            List<Ground> grounds) {
        Map<EntryId, EntryView> shown = new HashMap<>();
        boolean flags = false;
        for (Ground ground : grounds) {
            View view = view(ground, request, facts);
            view.entries().forEach((entryId, entryView) -> shown.merge(entryId, entryView, EntryView::orMore));
            flags |= view.flags();
        }
        limitAmendmentsToTheirTargets(shown, facts);
        Set<EntryId> withheld = new HashSet<>();
        facts.entries().stream().map(EntryFacts::entryId).filter(id -> !shown.containsKey(id))
                .forEach(withheld::add);
        return new AccessDecision.Permitted(request.purpose().basis(), grounds, shown, withheld,
                flags ? flags(request, facts) : null);
    }

    /** What one ground shows: entries, each with how much, and whether the flags. */
    private record View(Map<EntryId, EntryView> entries, boolean flags) {
    }

    private static View view(Ground ground, AccessRequest request, JourneyFacts facts) {
        AgencyCode own = request.viewer().agency();
        Map<EntryId, EntryView> entries = new HashMap<>();
        for (EntryFacts entry : facts.entries()) {
            EntryView view = ground == Ground.REVIEW || !facts.retracted().contains(entry.entryId())
                    ? raw(ground, request, facts, entry)
                    : null;
            if (view == null || withheldByConsent(ground, request, facts, entry)
                    || (!ABOVE_NON_DISCLOSURE.contains(ground) && facts.notSharedWith(own).contains(entry.entryId()))) {
                continue;
            }
            boolean othersSensitive = entry.sensitivity() != Sensitivity.NONE && !entry.agency().equals(own);
            entries.put(entry.entryId(), othersSensitive && !SEE_SENSITIVE.contains(ground)
                    ? EntryView.EXISTENCE_ONLY
                    : view);
        }
        boolean flags = ground != Ground.OWN_RECORD || (own != null && facts.openInvolvements().contains(own));
        return new View(entries, flags);
    }

    /** How much of this entry the ground shows, before consent, decisions not to share and sensitivity. */
    private static @Nullable EntryView raw(Ground ground, AccessRequest request, JourneyFacts facts,
            EntryFacts entry) {
        AgencyCode own = request.viewer().agency();
        boolean owned = entry.agency().equals(own);
        return switch (ground) {
            case OWN_RECORD -> owned || facts.releasedTo(own).contains(entry.entryId()) ? EntryView.FULL
                    : decisionOnOwnReferral(facts, entry, own) ? EntryView.WITHOUT_RATIONALE
                    : null;
            case LEAD, ENQUIRY, HUB, REVIEW -> EntryView.FULL;
            case TEAM -> owned ? EntryView.FULL
                    : entry.type() == EntryType.STRATEGY_DISCUSSION || entry.type() == EntryType.S47_OUTCOME
                            || entry.consent() == ConsentStatus.NOT_SOUGHT_PREJUDICIAL
                            || (entry.type() == EntryType.DOMESTIC_ABUSE_NOTIFICATION
                                    && entry.consent() != ConsentStatus.GIVEN) ? null
                    : entry.type() == EntryType.CONTACT_DECISION ? EntryView.WITHOUT_RATIONALE
                    : EntryView.FULL;
            case TRIAGE_CHECK -> request.purpose() == Purpose.UNSCHEDULED_CARE
                    && entry.type() == EntryType.AE_ATTENDANCE ? EntryView.SUMMARY_ONLY : null;
            case BREAK_GLASS -> request.agencyKind() != null && BREAK_GLASS_WHOLE.contains(request.agencyKind())
                    ? EntryView.FULL : null;
        };
    }

    /** A front-door decision on a contact or notification that the reader's agency submitted. */
    private static boolean decisionOnOwnReferral(JourneyFacts facts, EntryFacts entry, @Nullable AgencyCode own) {
        if (entry.type() != EntryType.CONTACT_DECISION || entry.about() == null || own == null) {
            return false;
        }
        return facts.entries().stream()
                .anyMatch(item -> item.entryId().equals(entry.about()) && item.agency().equals(own));
    }

    /**
     * Consent governs sharing below the s.47 threshold: the purposes {@code child-in-need} and {@code early-help},
     * except for the lead and the team while a child protection plan is open (a plan rests on s.47, not consent).
     * There, another agency's entry shared under a refusal is withheld, and once the family refused or withdrew
     * consent to sharing with the reader's kind of agency, every other agency's entry that relied on consent (given
     * or not stated) is withheld too. Consent records themselves stay ("the family declined"); so do the reader's
     * own entries and what the hub released to the reader's agency.
     */
    private static boolean withheldByConsent(Ground ground, AccessRequest request, JourneyFacts facts,
            EntryFacts entry) {
        Purpose purpose = request.purpose();
        if ((purpose != Purpose.CHILD_IN_NEED && purpose != Purpose.EARLY_HELP)
                || ((ground == Ground.LEAD || ground == Ground.TEAM) && facts.childProtectionPlan() != null)) {
            return false;
        }
        AgencyCode own = request.viewer().agency();
        if (entry.agency().equals(own) || facts.releasedTo(own).contains(entry.entryId())
                || entry.type() == EntryType.CONSENT_RECORDED || entry.type() == EntryType.CONSENT_WITHDRAWN) {
            return false;
        }
        ConsentStatus consent = entry.consent();
        return consent == ConsentStatus.REFUSED || consent == ConsentStatus.WITHDRAWN
                || (facts.consentRefusedFor(request.agencyKind())
                        && (consent == ConsentStatus.GIVEN || consent == ConsentStatus.NOT_STATED));
    }

    /** A correction or retraction shows no more than the entry it amends, and nothing if that is withheld. */
    private static void limitAmendmentsToTheirTargets(Map<EntryId, EntryView> shown, JourneyFacts facts) {
        for (EntryFacts entry : facts.entries()) {
            EntryView view = shown.get(entry.entryId());
            if (view == null || !entry.type().amends() || entry.about() == null) {
                continue;
            }
            EntryView target = shown.get(entry.about());
            if (target == null) {
                shown.remove(entry.entryId());
            } else if (target.ordinal() > view.ordinal()) {
                shown.put(entry.entryId(), target);
            }
        }
    }

    private static AccessDecision.Flags flags(AccessRequest request, JourneyFacts facts) {
        Integer attendances = null;
        if (request.agencyKind() == AgencyKind.HEALTH) {
            attendances = (int) facts.entries().stream()
                    .filter(entry -> entry.type() == EntryType.AE_ATTENDANCE)
                    .filter(entry -> !facts.retracted().contains(entry.entryId()))
                    .count();
        }
        return new AccessDecision.Flags(facts.childProtectionPlan() != null, !facts.leadAgencies().isEmpty(),
                facts.leadAgency().orElse(null), attendances);
    }
}

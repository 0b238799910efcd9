package org.childjourney.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.JourneyRuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * What the access policy needs to know about a journey, as of its latest event: folded from the journey's events
 * by {@link JourneyFactsFold}, never read back from a read model.
 *
 * @param known                whether the journey exists at all; an unknown journey is refused like any other
 * @param journeys             the journeys the facts are folded from, in the order of their ids: the journey, and
 *                             the journeys linked to it (a child's records, read as one)
 * @param linked               journeys a link in force names that are not among {@code journeys}: to fold in too
 *                             for the child's whole record
 * @param sealed               whether the journey is sealed
 * @param entries              every entry, in the order the record learned of them
 * @param retracted            entries their agency retracted
 * @param openInvolvements     agencies with an involvement started and not ended
 * @param leadAgencies         children's social care agencies with an open involvement: the lead, first first
 * @param team                 the team around the child: places social care recorded and has not ended
 * @param openEnquiries        s.47 enquiries opened by a strategy discussion and not yet concluded
 * @param awaitingDecision     front-door items (contacts, domestic abuse notifications) with no decision yet, with
 *                             when the record learned of each
 * @param lastDecisionAt       when the record learned of the latest front-door decision, or {@code null}
 * @param releases             entries the hub released, by receiving agency
 * @param notShared            entries a practitioner decided not to share with an agency, and the hub has not
 *                             released to it since, by agency
 * @param consentRefusedScopes scopes whose latest journey-level consent record is a refusal or a withdrawal
 * @param childProtectionPlan  the entry that started the child protection plan open now, or {@code null}
 * @param grants               the latest break-glass grant of each reader, by username; a seal ends them all
 * @param possibleDuplicate    whether a possible duplicate raised on the journey awaits the hub's decision: the
 *                             journey may be one of two of one child's (for a new child, it is provisional)
 * @param erasure              the journey's erasure, or {@code null}: an erased journey is also sealed
 */
public record JourneyFacts(boolean known, List<ChildJourneyId> journeys, Set<ChildJourneyId> linked, boolean sealed,
        List<EntryFacts> entries, Set<EntryId> retracted, Set<AgencyCode> openInvolvements,
        List<AgencyCode> leadAgencies, Set<TeamMembership> team, List<Enquiry> openEnquiries,
        Map<EntryId, Instant> awaitingDecision, @Nullable Instant lastDecisionAt,
        Map<AgencyCode, Set<EntryId>> releases, Map<AgencyCode, Set<EntryId>> notShared,
        Set<ConsentScope> consentRefusedScopes, @Nullable EntryFacts childProtectionPlan,
        Map<String, BreakGlassGrant> grants, boolean possibleDuplicate, @Nullable Erasure erasure) {

    /** The most journeys read as one child's record: a link that would join more is refused. */
    public static final int MOST_LINKED = 10;

    /** How long after it was recorded an undecided front-door item keeps the hub's ground open. */
    public static final Duration AWAITING_DECISION = Duration.ofDays(30);

    /** How long after the latest front-door decision the hub's ground stays open. */
    public static final Duration AFTER_DECISION = Duration.ofDays(5);

    /**
     * An open s.47 enquiry.
     *
     * @param strategyDiscussion the entry that opened it
     * @param recordedBy         the social care agency that recorded the discussion
     * @param participants       the agencies that took part
     */
    public record Enquiry(EntryId strategyDiscussion, AgencyCode recordedBy, Set<AgencyCode> participants) {

        public Enquiry {
            participants = Set.copyOf(participants);
        }

        /** Whether this agency recorded or took part in the enquiry. */
        public boolean involves(AgencyCode agency) {
            return recordedBy.equals(agency) || participants.contains(agency);
        }
    }

    public JourneyFacts {
        journeys = List.copyOf(journeys);
        linked = Set.copyOf(linked);
        entries = List.copyOf(entries);
        retracted = Set.copyOf(retracted);
        openInvolvements = Set.copyOf(openInvolvements);
        leadAgencies = List.copyOf(leadAgencies);
        team = Set.copyOf(team);
        openEnquiries = List.copyOf(openEnquiries);
        awaitingDecision = Map.copyOf(awaitingDecision);
        releases = Map.copyOf(releases);
        notShared = Map.copyOf(notShared);
        consentRefusedScopes = Set.copyOf(consentRefusedScopes);
        grants = Map.copyOf(grants);
    }

    /** The facts of a journey the record does not hold. */
    public static JourneyFacts unknown() {
        return new JourneyFacts(false, List.of(), Set.of(), false, List.of(), Set.of(), Set.of(), List.of(), Set.of(), List.of(), Map.of(),
                null, Map.of(), Map.of(), Set.of(), null, Map.of(), false, null);
    }

    /**
     * These facts, sealed if links name journeys beyond those folded ({@code linked} not empty: more than
     * {@link #MOST_LINKED} joined, which only concurrent links can make): a record that cannot be read whole is
     * read by auditors alone, as a sealed one is, until the hub undoes links. Otherwise these facts.
     */
    public JourneyFacts sealedIfNotWhole() {
        return linked.isEmpty() ? this : new JourneyFacts(known, journeys, linked, true, entries, retracted,
                openInvolvements, leadAgencies, team, openEnquiries, awaitingDecision, lastDecisionAt, releases,
                notShared, consentRefusedScopes, childProtectionPlan, grants, possibleDuplicate, erasure);
    }

    /**
     * Whom a break-glass grant is told of: the lead agency, or without one every agency with entries on the
     * journey; never a broadcast.
     */
    public Set<AgencyCode> toTellOfBreakGlass() {
        return leadAgency().map(Set::of).orElseGet(this::recordingAgencies);
    }

    /** The journeys read with this one as one child's record: those linked to it, directly or through another. */
    public List<ChildJourneyId> othersThan(ChildJourneyId journeyId) {
        return journeys.stream().filter(other -> !other.equals(journeyId)).toList();
    }

    /**
     * Why a link may not join this record and the other journey's, or {@code null}: they are one record already
     * (linked directly or through another), or together they would be more than {@link #MOST_LINKED} journeys.
     */
    public JourneyRuleViolation.@Nullable Rule linkRefusal(ChildJourneyId otherJourneyId, JourneyFacts other) {
        if (journeys.contains(otherJourneyId)) {
            return JourneyRuleViolation.Rule.ALREADY_LINKED;
        }
        return journeys.size() + other.journeys().size() > MOST_LINKED ? JourneyRuleViolation.Rule.TOO_MANY_LINKED
                : null;
    }

    /** Agencies that have submitted an entry about the child other than their involvement. */
    public Set<AgencyCode> submittingAgencies() {
        Set<AgencyCode> submitting = new LinkedHashSet<>();
        entries.stream().filter(entry -> !entry.type().recordsInvolvement())
                .forEach(entry -> submitting.add(entry.agency()));
        return submitting;
    }

    /** Agencies that have recorded any entry about the child, in the order they first did. */
    public Set<AgencyCode> recordingAgencies() {
        Set<AgencyCode> recording = new LinkedHashSet<>();
        entries.forEach(entry -> recording.add(entry.agency()));
        return recording;
    }

    /** The lead agency now: the first children's social care agency with an open involvement. */
    public Optional<AgencyCode> leadAgency() {
        return leadAgencies.stream().findFirst();
    }

    /** Entries the hub released to this agency. */
    public Set<EntryId> releasedTo(@Nullable AgencyCode agency) {
        return agency == null ? Set.of() : releases.getOrDefault(agency, Set.of());
    }

    /** Entries a decision not to share withholds from this agency. */
    public Set<EntryId> notSharedWith(@Nullable AgencyCode agency) {
        return agency == null ? Set.of() : notShared.getOrDefault(agency, Set.of());
    }

    /**
     * Whether the family refused or withdrew consent to sharing with this kind of agency. A refusal for all
     * agencies applies even where the reader's kind is unknown.
     */
    public boolean consentRefusedFor(@Nullable AgencyKind kind) {
        return consentRefusedScopes.stream()
                .anyMatch(scope -> scope.agencyKind() == null || (kind != null && scope.covers(kind)));
    }

    /**
     * Whether the hub may triage the journey at this instant: a front-door item recorded in the last 30 days awaits
     * its decision, or the latest decision was recorded in the last five days. An item recorded a moment "after" the
     * reader's clock (another instance's clock running ahead) counts as recorded now.
     */
    public boolean atTheFrontDoor(Instant at) {
        boolean awaiting = awaitingDecision.values().stream()
                .anyMatch(recorded -> recorded.plus(AWAITING_DECISION).isAfter(at));
        return awaiting || (lastDecisionAt != null && lastDecisionAt.plus(AFTER_DECISION).isAfter(at));
    }

    /** Whether this agency recorded or takes part in an open s.47 enquiry. */
    public boolean enquiring(@Nullable AgencyCode agency) {
        return agency != null && openEnquiries.stream().anyMatch(enquiry -> enquiry.involves(agency));
    }

    /** Whether social care placed this reader on the team around the child: their agency, or them by name. */
    public boolean onTeam(Viewer viewer) {
        return viewer.agency() != null && team.stream().anyMatch(place -> place.agency().equals(viewer.agency())
                && (place.practitioner() == null || place.practitioner().equals(viewer.username())));
    }
}

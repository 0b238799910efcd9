package org.childjourney.core.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.BreakGlassGranted;
import org.childjourney.core.journey.event.BreakGlassReviewed;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentRecorded;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntriesReleased;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.JourneySealed;
import org.childjourney.core.journey.event.JourneyUnsealed;
import org.childjourney.core.journey.event.JourneysLinked;
import org.childjourney.core.journey.event.JourneysUnlinked;
import org.childjourney.core.journey.event.NoticeAcknowledged;
import org.childjourney.core.journey.event.PossibleDuplicateRaised;
import org.childjourney.core.journey.event.PossibleDuplicateResolved;
import org.childjourney.core.journey.event.SharingDeclined;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.journey.event.TeamMemberRemoved;
import org.jspecify.annotations.Nullable;

/**
 * A journey's facts, folded from its events oldest first ({@code when(event, recordedAt)}): the one function from
 * which both the journey's own rules (the {@code ChildJourney} aggregate) and every read's access decision learn
 * what the record holds. Reads fold the event store's events up to the latest, so that an event that narrows access
 * (a seal, a withdrawal of consent, the end of an involvement or a team membership, a decision not to share, a
 * concluded enquiry) governs the very next read after its {@code 201}, never "once the read models catch up". The
 * fold is mutable for speed; {@link #facts()} takes an immutable snapshot.
 */
public final class JourneyFactsFold {

    private boolean known;
    /** The journeys whose events are folded in: one, or a child's linked journeys, folded as one. */
    private final Set<ChildJourneyId> journeys;
    /** The sealed journeys among them: the child's record is sealed while any is. */
    private final Set<ChildJourneyId> sealedJourneys;
    /** Each journey's links in force, to the journeys it was linked to and not unlinked from since. */
    private final Map<ChildJourneyId, Set<ChildJourneyId>> links;
    private final Map<EntryId, EntryFacts> entries;
    private final Set<EntryId> retracted;
    /** Open involvements' roles, by agency, with the kind of each agency. */
    private final Map<AgencyCode, Set<String>> involvements;
    private final Map<AgencyCode, AgencyKind> involvedKinds;
    private final Map<AgencyCode, Set<EntryId>> releases;
    private final Map<AgencyCode, Set<EntryId>> notShared;
    private final Map<ConsentScope, ConsentStatus> consentByScope;
    private @Nullable EntryFacts childProtectionPlan;
    private final Map<EntryId, JourneyFacts.Enquiry> openEnquiries;
    /** The team around the child: who social care added and has not removed, by the social care agency. */
    private final Map<TeamMembership, AgencyCode> team;
    /** What each entry that grants access granted, so that its retraction takes it back. */
    private final Map<EntryId, TeamMembership> teamPlaceByEntry;
    private final Map<EntryId, String> involvementByEntry;
    private final Map<EntryId, Instant> awaitingDecision;
    private @Nullable Instant lastDecisionAt;
    private final Map<String, BreakGlassGrant> grants;
    /** Every grant ever made on the journey, and those an auditor has reviewed. */
    private final Set<String> grantIds;
    private final Set<String> reviewedGrants;
    /** The notices raised about the journey, to the agency each was raised for, and those acknowledged. */
    private final Map<String, AgencyCode> notices;
    private final Set<String> acknowledgedNotices;
    /** The possible duplicates raised on the journey that the hub has not decided yet, with the other journey. */
    private final Map<String, ChildJourneyId> openDuplicates;
    /** The journey's erasure, once erased: the journey is then sealed for good. */
    private @Nullable Erasure erasure;

    /** The facts of a journey with no events yet: unknown. */
    public JourneyFactsFold() {
        this.journeys = new HashSet<>();
        this.sealedJourneys = new HashSet<>();
        this.links = new HashMap<>();
        this.entries = new LinkedHashMap<>();
        this.retracted = new HashSet<>();
        this.involvements = new LinkedHashMap<>();
        this.involvedKinds = new HashMap<>();
        this.releases = new HashMap<>();
        this.notShared = new HashMap<>();
        this.consentByScope = new LinkedHashMap<>();
        this.openEnquiries = new LinkedHashMap<>();
        this.team = new LinkedHashMap<>();
        this.teamPlaceByEntry = new HashMap<>();
        this.involvementByEntry = new HashMap<>();
        this.awaitingDecision = new LinkedHashMap<>();
        this.grants = new HashMap<>();
        this.grantIds = new HashSet<>();
        this.reviewedGrants = new HashSet<>();
        this.notices = new HashMap<>();
        this.acknowledgedNotices = new HashSet<>();
        this.openDuplicates = new HashMap<>();
    }

    /** A copy of {@code other}, to fold further events into without changing it. */
    public JourneyFactsFold(JourneyFactsFold other) {
        this.known = other.known;
        this.journeys = new HashSet<>(other.journeys);
        this.sealedJourneys = new HashSet<>(other.sealedJourneys);
        this.links = new HashMap<>();
        other.links.forEach((journey, linked) -> links.put(journey, new HashSet<>(linked)));
        this.entries = new LinkedHashMap<>(other.entries);
        this.retracted = new HashSet<>(other.retracted);
        this.involvements = new LinkedHashMap<>();
        other.involvements.forEach((agency, roles) -> involvements.put(agency, new LinkedHashSet<>(roles)));
        this.involvedKinds = new HashMap<>(other.involvedKinds);
        this.releases = deepCopy(other.releases);
        this.notShared = deepCopy(other.notShared);
        this.consentByScope = new LinkedHashMap<>(other.consentByScope);
        this.childProtectionPlan = other.childProtectionPlan;
        this.erasure = other.erasure;
        this.openEnquiries = new LinkedHashMap<>(other.openEnquiries);
        this.team = new LinkedHashMap<>(other.team);
        this.teamPlaceByEntry = new HashMap<>(other.teamPlaceByEntry);
        this.involvementByEntry = new HashMap<>(other.involvementByEntry);
        this.awaitingDecision = new LinkedHashMap<>(other.awaitingDecision);
        this.lastDecisionAt = other.lastDecisionAt;
        this.grants = new HashMap<>(other.grants);
        this.grantIds = new HashSet<>(other.grantIds);
        this.reviewedGrants = new HashSet<>(other.reviewedGrants);
        this.notices = new HashMap<>(other.notices);
        this.acknowledgedNotices = new HashSet<>(other.acknowledgedNotices);
        this.openDuplicates = new HashMap<>(other.openDuplicates);
    }

    /**
     * Folds one more event, the next in the journey's order, recorded at {@code recordedAt}, into the facts. The
     * events of linked journeys are folded as one journey's, merged in the order they were recorded.
     */
    public JourneyFactsFold when(JourneyEvent event, Instant recordedAt) {
        known = true;
        ChildJourneyId journeyId = event.journeyId();
        if (journeyId != null) {
            journeys.add(journeyId);
        }
        if (event instanceof JourneyEntry entry) {
            whenEntry(entry, recordedAt);
        } else if (event instanceof EntriesReleased released) {
            releases.computeIfAbsent(released.toAgency(), agency -> new LinkedHashSet<>())
                    .addAll(released.entryIds());
            Set<EntryId> declined = notShared.get(released.toAgency());
            if (declined != null) {
                released.entryIds().forEach(declined::remove);
            }
        } else if (event instanceof SharingDeclined declined) {
            notShared.computeIfAbsent(declined.toAgency(), agency -> new LinkedHashSet<>())
                    .addAll(declined.entryIds());
        } else if (event instanceof JourneySealed sealed) {
            sealedJourneys.add(sealed.journeyId());
            grants.clear();
        } else if (event instanceof JourneyErased erased) {
            erasure = new Erasure(erased.journeyId(), erased.erasedBy(), recordedAt, erased.ground(), erased.reason());
            grants.clear();
        } else if (event instanceof JourneyUnsealed unsealed) {
            sealedJourneys.remove(unsealed.journeyId());
        } else if (event instanceof BreakGlassGranted granted) {
            grants.put(granted.reader().username(), new BreakGlassGrant(granted.grantId(),
                    granted.reader().username(), granted.openedAt(), granted.expiresAt(), false));
            grantIds.add(granted.grantId());
        } else if (event instanceof BreakGlassReviewed reviewed) {
            reviewedGrants.add(reviewed.grantId());
        } else if (event instanceof AgencyNotified notified) {
            notices.put(notified.noticeId(), notified.agency());
        } else if (event instanceof NoticeAcknowledged acknowledged) {
            acknowledgedNotices.add(acknowledged.noticeId());
        } else if (event instanceof PossibleDuplicateRaised raised) {
            openDuplicates.put(raised.taskId(), raised.otherJourneyId());
        } else if (event instanceof PossibleDuplicateResolved resolved) {
            openDuplicates.remove(resolved.taskId());
        } else if (event instanceof JourneysLinked linked) {
            links.computeIfAbsent(linked.journeyId(), journey -> new HashSet<>()).add(linked.otherJourneyId());
        } else if (event instanceof JourneysUnlinked unlinked) {
            Set<ChildJourneyId> linked = links.get(unlinked.journeyId());
            if (linked != null) {
                linked.remove(unlinked.otherJourneyId());
            }
        }
        return this;
    }

    /**
     * The other journey of the possible duplicate with this task id, if it was raised on the journey and awaits the
     * hub's decision.
     */
    public @Nullable ChildJourneyId duplicateAwaitingDecision(String taskId) {
        return openDuplicates.get(taskId);
    }

    private void whenEntry(JourneyEntry event, Instant recordedAt) {
        AgencyCode agency = event.provenance().agency().code();
        EntryFacts entry = new EntryFacts(event.journeyId(), event.entryId(), EntryType.of(event), agency, event.consent().status(),
                event.provenance().sensitivity(), recordedAt, about(event));
        entries.put(event.entryId(), entry);
        if (entry.type() == EntryType.CONTACT || entry.type() == EntryType.DOMESTIC_ABUSE_NOTIFICATION) {
            awaitingDecision.put(event.entryId(), recordedAt);
        } else if (event instanceof ContactDecided decided) {
            awaitingDecision.remove(decided.contactEntryId());
            lastDecisionAt = recordedAt;
        } else if (event instanceof EntryCorrected correction) {
            EntryFacts target = entries.get(correction.targetEntryId());
            if (target != null) {
                entries.put(target.entryId(), target.correctedBy(entry));
            }
        } else if (event instanceof EntryRetracted retraction) {
            takeBack(retraction.targetEntryId());
        } else if (event instanceof InvolvementStarted started) {
            involvements.computeIfAbsent(agency, code -> new LinkedHashSet<>()).add(started.role());
            involvedKinds.put(agency, event.provenance().agency().kind());
            involvementByEntry.put(event.entryId(), started.role());
        } else if (event instanceof InvolvementEnded ended) {
            endInvolvement(agency, ended.role());
        } else if (event instanceof ConsentRecorded recorded) {
            consentByScope.put(recorded.scope(), recorded.consent().status());
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            consentByScope.put(withdrawn.scope(), ConsentStatus.WITHDRAWN);
        } else if (event instanceof StrategyDiscussionHeld discussion
                && discussion.decision() == StrategyDecision.S47_ENQUIRY) {
            openEnquiries.put(discussion.entryId(),
                    new JourneyFacts.Enquiry(discussion.entryId(), agency, Set.copyOf(discussion.participants())));
        } else if (event instanceof EnquiryConcluded concluded) {
            openEnquiries.remove(concluded.strategyDiscussionEntryId());
        } else if (event instanceof TeamMemberAdded added) {
            TeamMembership place = new TeamMembership(added.member(), added.role(), added.practitioner());
            team.put(place, agency);
            teamPlaceByEntry.put(event.entryId(), place);
        } else if (event instanceof TeamMemberRemoved removed) {
            team.remove(new TeamMembership(removed.member(), removed.role(), removed.practitioner()));
        } else if (event instanceof ChildProtectionPlanStarted) {
            childProtectionPlan = entry;
        } else if (event instanceof ChildProtectionPlanEnded) {
            childProtectionPlan = null;
        }
    }

    private void endInvolvement(AgencyCode agency, String role) {
        Set<String> roles = involvements.get(agency);
        if (roles != null && roles.remove(role) && roles.isEmpty()) {
            involvements.remove(agency);
            // The team around the child is social care's: it ends with the involvement of the agency that formed it.
            team.values().removeIf(agency::equals);
        }
    }

    /**
     * A retracted entry never happened as far as access goes: what it granted (an involvement, a place on the team,
     * an open enquiry, a plan, a front-door item awaiting a decision) is taken back, as a narrowing event. The
     * entry stays in history, for reviews.
     */
    private void takeBack(EntryId target) {
        retracted.add(target);
        awaitingDecision.remove(target);
        openEnquiries.remove(target);
        TeamMembership place = teamPlaceByEntry.remove(target);
        if (place != null) {
            team.remove(place);
        }
        String role = involvementByEntry.remove(target);
        EntryFacts started = entries.get(target);
        if (role != null && started != null) {
            endInvolvement(started.agency(), role);
        }
        if (childProtectionPlan != null && childProtectionPlan.entryId().equals(target)) {
            childProtectionPlan = null;
        }
    }

    private static @Nullable EntryId about(JourneyEntry event) {
        if (event instanceof ContactDecided decided) {
            return decided.contactEntryId();
        } else if (event instanceof EntryCorrected correction) {
            return correction.targetEntryId();
        } else if (event instanceof EntryRetracted retraction) {
            return retraction.targetEntryId();
        } else if (event instanceof EnquiryConcluded concluded) {
            return concluded.strategyDiscussionEntryId();
        }
        return null;
    }

    /** Whether the journey holds any event. */
    public boolean known() {
        return known;
    }

    /** Whether the journey (any of the linked journeys folded as one) is sealed now; an erased journey is. */
    public boolean sealed() {
        return !sealedJourneys.isEmpty() || erasure != null;
    }

    /** The journey's erasure, or {@code null} if it was not erased. */
    public @Nullable Erasure erasure() {
        return erasure;
    }

    /** Whether a link in force joins this journey to the other. */
    public boolean linked(ChildJourneyId journeyId, ChildJourneyId other) {
        return links.getOrDefault(journeyId, Set.of()).contains(other);
    }

    /** The entry with this id, or {@code null} if the journey holds none. */
    public @Nullable EntryFacts entry(EntryId entryId) {
        return entries.get(entryId);
    }

    /** Whether the entry with this id was retracted. */
    public boolean retracted(EntryId entryId) {
        return retracted.contains(entryId);
    }

    /** The entry that started the child protection plan open now, or {@code null} if there is none. */
    public @Nullable EntryFacts childProtectionPlan() {
        return childProtectionPlan;
    }

    /** Whether this entry is a strategy discussion that opened a s.47 enquiry still open. */
    public boolean enquiryOpen(EntryId strategyDiscussion) {
        return openEnquiries.containsKey(strategyDiscussion);
    }

    /** The team around the child now: every membership social care recorded and has not ended. */
    public Set<TeamMembership> team() {
        return Set.copyOf(team.keySet());
    }

    /** The reader's break-glass grant in force at this instant, or {@code null}. */
    public @Nullable BreakGlassGrant grantOpen(String reader, Instant at) {
        BreakGlassGrant grant = grants.get(reader);
        return grant != null && grant.openAt(at) ? grant : null;
    }

    /** Whether a break-glass grant with this id was made on the journey and has not been reviewed. */
    public boolean grantAwaitingReview(String grantId) {
        return grantIds.contains(grantId) && !reviewedGrants.contains(grantId);
    }

    /** Whether a notice with this id was raised about the journey for this agency. */
    public boolean noticeFor(AgencyCode agency, String noticeId) {
        return agency.equals(notices.get(noticeId));
    }

    /** Whether this entry is a front-door item that awaits a decision (neither decided nor retracted). */
    public boolean awaitingDecision(EntryId entryId) {
        return awaitingDecision.containsKey(entryId);
    }

    /** Whether a notice with this id was raised about the journey. */
    public boolean noticeRaised(String noticeId) {
        return notices.containsKey(noticeId);
    }

    /** Whether the notice with this id has been acknowledged. */
    public boolean acknowledged(String noticeId) {
        return acknowledgedNotices.contains(noticeId);
    }

    /** An immutable snapshot of the facts so far. */
    public JourneyFacts facts() {
        if (!known) {
            return JourneyFacts.unknown();
        }
        Set<ConsentScope> refused = new HashSet<>();
        consentByScope.forEach((scope, status) -> {
            if (status == ConsentStatus.REFUSED || status == ConsentStatus.WITHDRAWN) {
                refused.add(scope);
            }
        });
        List<AgencyCode> leads = new ArrayList<>();
        involvements.keySet().stream()
                .filter(agency -> involvedKinds.get(agency) == AgencyKind.CHILDRENS_SOCIAL_CARE)
                .forEach(leads::add);
        Set<ChildJourneyId> linkedElsewhere = new HashSet<>();
        links.values().forEach(linkedElsewhere::addAll);
        linkedElsewhere.removeAll(journeys);
        return new JourneyFacts(true, sorted(journeys), linkedElsewhere, sealed(), List.copyOf(entries.values()), retracted, involvements.keySet(), leads,
                team.keySet(), List.copyOf(openEnquiries.values()), awaitingDecision, lastDecisionAt,
                immutable(releases), immutable(notShared), refused, childProtectionPlan, grants,
                !openDuplicates.isEmpty(), erasure);
    }

    private static List<ChildJourneyId> sorted(Set<ChildJourneyId> journeyIds) {
        return journeyIds.stream().sorted(Comparator.comparing(ChildJourneyId::toString)).toList();
    }

    private static Map<AgencyCode, Set<EntryId>> deepCopy(Map<AgencyCode, Set<EntryId>> byAgency) {
        Map<AgencyCode, Set<EntryId>> copy = new HashMap<>();
        byAgency.forEach((agency, ids) -> copy.put(agency, new LinkedHashSet<>(ids)));
        return copy;
    }

    private static Map<AgencyCode, Set<EntryId>> immutable(Map<AgencyCode, Set<EntryId>> byAgency) {
        Map<AgencyCode, Set<EntryId>> copy = new HashMap<>();
        byAgency.forEach((agency, ids) -> {
            if (!ids.isEmpty()) {
                copy.put(agency, Set.copyOf(ids));
            }
        });
        return copy;
    }
}

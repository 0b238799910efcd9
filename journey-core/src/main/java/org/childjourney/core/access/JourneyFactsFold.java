package org.childjourney.core.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.StrategyDecision;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentRecorded;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntriesReleased;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.JourneySealed;
import org.childjourney.core.journey.event.JourneyUnsealed;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.journey.event.TeamMemberRemoved;
import org.jspecify.annotations.Nullable;

/**
 * A journey's facts, folded from its events oldest first ({@code when(state, event)}): the one function from which
 * both the journey's own rules (the {@code ChildJourney} aggregate) and every read's access decision learn what the
 * record holds. Reads fold the event store's events up to the latest, so that an event that narrows access (a
 * seal, a withdrawal of consent, the end of an involvement) governs the very next read after its {@code 201}, never
 * "once the read models catch up". The fold is mutable for speed; {@link #facts()} takes an immutable snapshot.
 */
public final class JourneyFactsFold {

    private boolean known;
    private boolean sealed;
    private final Map<EntryId, EntryFacts> entries;
    private final Set<EntryId> retracted;
    private final Map<AgencyCode, Set<String>> involvements;
    private final Map<AgencyCode, Set<EntryId>> releases;
    private final Map<ConsentScope, ConsentStatus> consentByScope;
    private @Nullable EntryFacts childProtectionPlan;
    /** Strategy discussions that opened a s.47 enquiry not yet concluded, with their participants. */
    private final Map<EntryId, Set<AgencyCode>> openEnquiries;
    /** The team around the child: who social care added and has not removed, by the social care agency. */
    private final Map<TeamMembership, AgencyCode> team;

    /** The facts of a journey with no events yet: unknown. */
    public JourneyFactsFold() {
        this.entries = new LinkedHashMap<>();
        this.retracted = new HashSet<>();
        this.involvements = new LinkedHashMap<>();
        this.releases = new HashMap<>();
        this.consentByScope = new LinkedHashMap<>();
        this.openEnquiries = new LinkedHashMap<>();
        this.team = new LinkedHashMap<>();
    }

    /** A copy of {@code other}, to fold further events into without changing it. */
    public JourneyFactsFold(JourneyFactsFold other) {
        this.known = other.known;
        this.sealed = other.sealed;
        this.entries = new LinkedHashMap<>(other.entries);
        this.retracted = new HashSet<>(other.retracted);
        this.involvements = new LinkedHashMap<>();
        other.involvements.forEach((agency, roles) -> involvements.put(agency, new LinkedHashSet<>(roles)));
        this.releases = new HashMap<>();
        other.releases.forEach((agency, ids) -> releases.put(agency, new LinkedHashSet<>(ids)));
        this.consentByScope = new LinkedHashMap<>(other.consentByScope);
        this.childProtectionPlan = other.childProtectionPlan;
        this.openEnquiries = new LinkedHashMap<>(other.openEnquiries);
        this.team = new LinkedHashMap<>(other.team);
    }

    /** The facts of these events, oldest first. */
    public static JourneyFacts facts(List<? extends JourneyEvent> events) {
        JourneyFactsFold fold = new JourneyFactsFold();
        events.forEach(fold::when);
        return fold.facts();
    }

    /** Folds one more event, the next in the journey's order, into the facts. */
    public JourneyFactsFold when(JourneyEvent event) {
        known = true;
        if (event instanceof JourneyEntry entry) {
            whenEntry(entry);
        } else if (event instanceof EntriesReleased released) {
            releases.computeIfAbsent(released.toAgency(), agency -> new LinkedHashSet<>())
                    .addAll(released.entryIds());
        } else if (event instanceof JourneySealed) {
            sealed = true;
        } else if (event instanceof JourneyUnsealed) {
            sealed = false;
        }
        return this;
    }

    private void whenEntry(JourneyEntry event) {
        AgencyCode agency = event.provenance().agency().code();
        EntryFacts entry = new EntryFacts(event.entryId(), EntryType.of(event), agency, event.consent().status(),
                event.provenance().sensitivity());
        entries.put(event.entryId(), entry);
        if (event instanceof EntryRetracted retraction) {
            retracted.add(retraction.targetEntryId());
        } else if (event instanceof InvolvementStarted started) {
            involvements.computeIfAbsent(agency, code -> new LinkedHashSet<>()).add(started.role());
        } else if (event instanceof InvolvementEnded ended) {
            Set<String> roles = involvements.get(agency);
            if (roles != null && roles.remove(ended.role()) && roles.isEmpty()) {
                involvements.remove(agency);
                // The team around the child is social care's: it ends with the involvement of the agency that
                // formed it.
                team.values().removeIf(agency::equals);
            }
        } else if (event instanceof ConsentRecorded recorded) {
            consentByScope.put(recorded.scope(), recorded.consent().status());
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            consentByScope.put(withdrawn.scope(), ConsentStatus.WITHDRAWN);
        } else if (event instanceof StrategyDiscussionHeld discussion
                && discussion.decision() == StrategyDecision.S47_ENQUIRY) {
            openEnquiries.put(discussion.entryId(), Set.copyOf(discussion.participants()));
        } else if (event instanceof EnquiryConcluded concluded) {
            openEnquiries.remove(concluded.strategyDiscussionEntryId());
        } else if (event instanceof TeamMemberAdded added) {
            team.put(new TeamMembership(added.member(), added.role(), added.practitioner()), agency);
        } else if (event instanceof TeamMemberRemoved removed) {
            team.remove(new TeamMembership(removed.member(), removed.role(), removed.practitioner()));
        } else if (event instanceof ChildProtectionPlanStarted) {
            childProtectionPlan = entry;
        } else if (event instanceof ChildProtectionPlanEnded) {
            childProtectionPlan = null;
        }
    }

    /** Whether the journey holds any event. */
    public boolean known() {
        return known;
    }

    /** Whether the journey is sealed now. */
    public boolean sealed() {
        return sealed;
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

    /** An immutable snapshot of the facts so far. */
    public JourneyFacts facts() {
        if (!known) {
            return JourneyFacts.unknown();
        }
        Set<AgencyCode> submitting = new HashSet<>();
        entries.values().stream().filter(entry -> !entry.type().recordsInvolvement())
                .forEach(entry -> submitting.add(entry.agency()));
        Set<ConsentScope> refused = new HashSet<>();
        consentByScope.forEach((scope, status) -> {
            if (status == ConsentStatus.REFUSED || status == ConsentStatus.WITHDRAWN) {
                refused.add(scope);
            }
        });
        Map<AgencyCode, Set<EntryId>> released = new HashMap<>();
        releases.forEach((agency, ids) -> released.put(agency, Set.copyOf(ids)));
        return new JourneyFacts(true, sealed, involvements.keySet(), submitting, released, refused,
                List.copyOf(entries.values()), childProtectionPlan);
    }
}

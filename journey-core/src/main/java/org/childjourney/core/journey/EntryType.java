package org.childjourney.core.journey;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.journey.event.AdultServiceEventRecorded;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentRecorded;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.MissingEpisodeReported;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.journey.event.TeamMemberRemoved;
import org.childjourney.core.provenance.Sensitivity;

/**
 * The kinds of entry on a journey, by the names the public contract gives them (submission {@code type}, timeline
 * entry {@code type}). Constants are stored: never renamed or removed.
 */
public enum EntryType {
    CONTACT("contact", ContactReceived.class, Senders.EVERY_AGENCY),
    CONTACT_DECISION("contact-decision", ContactDecided.class, Senders.SOCIAL_CARE),
    AE_ATTENDANCE("ae-attendance", AeAttendanceRecorded.class, Set.of(AgencyKind.HEALTH)),
    DOMESTIC_ABUSE_NOTIFICATION("domestic-abuse-notification", DomesticAbuseNotified.class,
            Set.of(AgencyKind.POLICE)),
    SCHOOL_CONCERN("school-concern", SchoolConcernRaised.class, Set.of(AgencyKind.EDUCATION)),
    CP_PLAN_STARTED("cp-plan-started", ChildProtectionPlanStarted.class, Senders.SOCIAL_CARE),
    CP_PLAN_ENDED("cp-plan-ended", ChildProtectionPlanEnded.class, Senders.SOCIAL_CARE),
    INVOLVEMENT_STARTED("involvement-started", InvolvementStarted.class, Senders.EVERY_AGENCY),
    INVOLVEMENT_ENDED("involvement-ended", InvolvementEnded.class, Senders.EVERY_AGENCY),
    ENTRY_CORRECTED("entry-corrected", EntryCorrected.class, Senders.EVERY_AGENCY),
    ENTRY_RETRACTED("entry-retracted", EntryRetracted.class, Senders.EVERY_AGENCY),
    CONSENT_RECORDED("consent-recorded", ConsentRecorded.class, Senders.EVERY_AGENCY),
    CONSENT_WITHDRAWN("consent-withdrawn", ConsentWithdrawn.class, Senders.EVERY_AGENCY),
    STRATEGY_DISCUSSION("strategy-discussion", StrategyDiscussionHeld.class, Senders.SOCIAL_CARE),
    S47_OUTCOME("s47-outcome", EnquiryConcluded.class, Senders.SOCIAL_CARE),
    TEAM_MEMBER_ADDED("team-member-added", TeamMemberAdded.class, Senders.SOCIAL_CARE),
    TEAM_MEMBER_REMOVED("team-member-removed", TeamMemberRemoved.class, Senders.SOCIAL_CARE),
    MISSING_EPISODE("missing-episode", MissingEpisodeReported.class, Set.of(AgencyKind.POLICE)),
    ADULT_SERVICE_EVENT("adult-service-event", AdultServiceEventRecorded.class, Set.of(AgencyKind.ADULT_SERVICES));

    private final String wireName;
    private final Class<? extends JourneyEntry> event;
    private final Set<AgencyKind> senders;

    EntryType(String wireName, Class<? extends JourneyEntry> event, Set<AgencyKind> senders) {
        this.wireName = wireName;
        this.event = event;
        this.senders = senders;
    }

    /**
     * Whether an agency of this kind may send entries of this type (the contract's "who may send what"): every
     * agency its contacts, its own involvements, consent records and amendments of its own entries; the police
     * domestic abuse notifications (and, beyond the contract, missing episodes), health A&amp;E attendances, schools
     * their concerns, adult services their events about a parent; children's social care the front door's decisions,
     * strategy discussions, s.47 outcomes, child protection plans and the team around the child. Anything else is
     * refused and nothing of it stored.
     */
    public boolean maySendBy(AgencyKind kind) {
        return senders.contains(kind);
    }

    /** The record of this type's entries: its fields beyond the header are the type's details ({@link EntryField}). */
    public Class<? extends JourneyEntry> entryRecord() {
        return event;
    }

    /** The type's name in the public contract. */
    public String wireName() {
        return wireName;
    }

    /**
     * Whether a submission of this type must state consent: a contact always does, because consent is needed below
     * the s.47 threshold and must be recorded "except where prejudicial" (Working Together 2018, seeds/004); and a
     * consent record is nothing without its status.
     */
    public boolean requiresConsent() {
        return this == CONTACT || this == CONSENT_RECORDED;
    }

    /** Whether entries of this type amend another entry rather than stand on the timeline themselves. */
    public boolean amends() {
        return this == ENTRY_CORRECTED || this == ENTRY_RETRACTED;
    }

    /**
     * Whether entries of this type record the submitting agency's own involvement with the child. Such entries do
     * not by themselves make the agency one that "submitted an entry about the child": otherwise ending an
     * involvement could never end the relationship it stood for.
     */
    public boolean recordsInvolvement() {
        return this == INVOLVEMENT_STARTED || this == INVOLVEMENT_ENDED;
    }

    /**
     * Whether a submission of this type may be about a household (the contract's {@code subjects} and {@code adults}):
     * a contact or a domestic abuse notification often concerns every child at an address and the adults around
     * them, and an adult service's event about a parent every child of that parent. Every other type is about one child: it names an earlier entry, or records one child's involvement,
     * consent, plan, team, enquiry, attendance, concern or missing episode.
     */
    public boolean mayConcernAHousehold() {
        return this == CONTACT || this == DOMESTIC_ABUSE_NOTIFICATION || this == ADULT_SERVICE_EVENT;
    }

    /**
     * Whether a submission of this type may name a household the record holds by its reference, instead of its
     * children: only an adult service's event about a parent, which concerns the children of a household it may not
     * know. A reference is not a pass for anyone who has seen it to write on every child of a household.
     */
    public boolean mayNameAHousehold() {
        return this == ADULT_SERVICE_EVENT;
    }

    /**
     * The sensitivity an entry of this type is recorded with, given what the agency stated: what an adult service
     * tells about a parent is always {@code adult-services-parent}, whatever it said; any other type as stated.
     */
    public Sensitivity sensitivity(Sensitivity stated) {
        return this == ADULT_SERVICE_EVENT ? Sensitivity.ADULT_SERVICES_PARENT : stated;
    }

    /** Who sends what: kept apart because an enum's constants cannot name its own static fields. */
    private static final class Senders {
        static final Set<AgencyKind> EVERY_AGENCY = Collections.unmodifiableSet(EnumSet.allOf(AgencyKind.class));
        static final Set<AgencyKind> SOCIAL_CARE = Set.of(AgencyKind.CHILDRENS_SOCIAL_CARE);
    }

    public static Optional<EntryType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    /** The type of an entry event. */
    public static EntryType of(JourneyEntry event) {
        return Arrays.stream(values()).filter(type -> type.event.isInstance(event)).findFirst()
                .orElseThrow(() -> new IllegalStateException("an entry event without a type"));
    }
}

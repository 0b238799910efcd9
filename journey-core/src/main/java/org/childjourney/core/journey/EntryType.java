package org.childjourney.core.journey;

import java.util.Arrays;
import java.util.Optional;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentRecorded;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.SchoolConcernRaised;

/**
 * The kinds of entry on a journey, by the names the public contract gives them (submission {@code type}, timeline
 * entry {@code type}). Constants are stored: never renamed or removed.
 */
public enum EntryType {
    CONTACT("contact", ContactReceived.class),
    CONTACT_DECISION("contact-decision", ContactDecided.class),
    AE_ATTENDANCE("ae-attendance", AeAttendanceRecorded.class),
    DOMESTIC_ABUSE_NOTIFICATION("domestic-abuse-notification", DomesticAbuseNotified.class),
    SCHOOL_CONCERN("school-concern", SchoolConcernRaised.class),
    CP_PLAN_STARTED("cp-plan-started", ChildProtectionPlanStarted.class),
    CP_PLAN_ENDED("cp-plan-ended", ChildProtectionPlanEnded.class),
    INVOLVEMENT_STARTED("involvement-started", InvolvementStarted.class),
    INVOLVEMENT_ENDED("involvement-ended", InvolvementEnded.class),
    ENTRY_CORRECTED("entry-corrected", EntryCorrected.class),
    ENTRY_RETRACTED("entry-retracted", EntryRetracted.class),
    CONSENT_RECORDED("consent-recorded", ConsentRecorded.class),
    CONSENT_WITHDRAWN("consent-withdrawn", ConsentWithdrawn.class);

    private final String wireName;
    private final Class<? extends JourneyEntry> event;

    EntryType(String wireName, Class<? extends JourneyEntry> event) {
        this.wireName = wireName;
        this.event = event;
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

    public static Optional<EntryType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    /** The type of an entry event. */
    public static EntryType of(JourneyEntry event) {
        return Arrays.stream(values()).filter(type -> type.event.isInstance(event)).findFirst()
                .orElseThrow(() -> new IllegalStateException("an entry event without a type"));
    }
}

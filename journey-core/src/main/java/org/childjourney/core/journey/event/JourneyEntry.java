package org.childjourney.core.journey.event;

import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * An entry on a child's journey: something an agency recorded and submitted, with where it came from, who it is
 * about and the consent it was shared under.
 */
public sealed interface JourneyEntry extends JourneyEvent permits ContactReceived, ContactDecided, AeAttendanceRecorded, DomesticAbuseNotified,
        SchoolConcernRaised, ChildProtectionPlanStarted, ChildProtectionPlanEnded, InvolvementStarted,
        InvolvementEnded, EntryCorrected, EntryRetracted, ConsentRecorded,
        ConsentWithdrawn, StrategyDiscussionHeld, EnquiryConcluded, TeamMemberAdded, TeamMemberRemoved {

    EntryId entryId();

    Provenance provenance();

    Subject subject();

    Consent consent();
}

package org.childjourney.core.journey.event;

import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * An entry on a child's journey: something an agency recorded, with where it came from, who it is about and the
 * consent it was shared under. Every event of the {@code ChildJourney} aggregate is one of these.
 */
public sealed interface JourneyEvent permits ContactReceived, ContactDecided, AeAttendanceRecorded, DomesticAbuseNotified,
        SchoolConcernRaised, ChildProtectionPlanStarted, ChildProtectionPlanEnded, InvolvementStarted,
        InvolvementEnded, EntryCorrected, EntryRetracted, ConsentRecorded,
        ConsentWithdrawn {

    ChildJourneyId journeyId();

    EntryId entryId();

    Provenance provenance();

    Subject subject();

    Consent consent();
}

package org.childjourney.core.journey.command;

import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.provenance.Provenance;

/**
 * A request to add one entry to a child's journey, translated from an agency's submission. The journey and entry
 * ids are already chosen by the caller; the aggregate decides whether the entry may be added.
 */
public sealed interface JourneyCommand permits RecordContact, DecideContact, RecordAeAttendance, NotifyDomesticAbuse, RaiseSchoolConcern,
        StartChildProtectionPlan, EndChildProtectionPlan, StartInvolvement, EndInvolvement, CorrectEntry,
        RetractEntry, RecordConsent, WithdrawConsent, HoldStrategyDiscussion, ConcludeEnquiry, AddTeamMember,
        RemoveTeamMember {

    ChildJourneyId journeyId();

    EntryId entryId();

    Provenance provenance();
}

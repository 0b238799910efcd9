package org.childjourney.gateway.intake;

import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** What every entry carries, once the journey and the entry id are settled. */
record EntryHeader(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject,
        Consent consent) {
}

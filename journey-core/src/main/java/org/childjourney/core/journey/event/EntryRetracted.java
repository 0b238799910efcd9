package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The agency that recorded an entry retracted it. A new fact: the original stays in history and auditors still see it.
 */
@Revision("1")
public record EntryRetracted(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        EntryId targetEntryId, Sensitive<String> reason) implements JourneyEntry {
}

package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * The record holder recorded the consent state of the child's journey for a scope; the status is in {@code consent}.
 */
@Revision("1")
public record ConsentRecorded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject, Consent consent,
        ConsentScope scope, Sensitive<String> reason) implements JourneyEntry {
}

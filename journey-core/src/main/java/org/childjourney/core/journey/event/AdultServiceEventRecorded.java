package org.childjourney.core.journey.event;

import jakarta.validation.constraints.NotNull;
import org.axonframework.serialization.Revision;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.AdultServiceEventKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Relationship;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * An adult service (a mental health service, a substance misuse service) recorded an event in the life of a parent or
 * carer of the child: what kind of event and who the adult is to the child, nothing more. The adult's clinical detail
 * stays with the adult service; the entry is always of sensitivity {@code adult-services-parent} ({@code EntryType}),
 * so that only an enquiry, the hub, reviews and the recording service see more than that it exists. Recorded on each
 * child the service names, or on every child of a household the record knows. Emitted for an
 * {@code adult-service-event}.
 */
@Revision("1")
public record AdultServiceEventRecorded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance,
        Subject subject, Consent consent, @NotNull AdultServiceEventKind event, @NotNull Relationship adult)
        implements JourneyEntry {

    @Override
    public String summary() {
        return "Adult services recorded " + JourneyEntry.words(event) + " (the child's "
                + JourneyEntry.words(adult) + ")";
    }
}

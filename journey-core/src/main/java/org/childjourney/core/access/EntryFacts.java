package org.childjourney.core.access;

import java.time.Instant;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.provenance.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * What the access policy needs to know about one entry: what it is, who recorded it, when the record learned of it,
 * under what consent and how sensitive it is.
 *
 * @param journeyId  the journey the entry was recorded on: one of a child's linked journeys
 * @param recordedAt the event store's time of the entry, never the agency's {@code occurredAt}
 * @param about      the entry this one is about: the front-door item a decision decides, the entry a correction or
 *                   retraction amends, the strategy discussion an outcome concludes; {@code null} for the others
 */
public record EntryFacts(ChildJourneyId journeyId, EntryId entryId, EntryType type, AgencyCode agency,
        ConsentStatus consent, Sensitivity sensitivity, Instant recordedAt, @Nullable EntryId about) {

    /**
     * This entry once a correction of it is recorded: its details are the correction's now, so it is as sensitive as
     * either says, and shared under a refusal or withdrawal if the correction says so.
     */
    public EntryFacts correctedBy(EntryFacts correction) {
        Sensitivity stricter = sensitivity != Sensitivity.NONE ? sensitivity : correction.sensitivity();
        boolean refused = correction.consent() == ConsentStatus.REFUSED
                || correction.consent() == ConsentStatus.WITHDRAWN;
        return new EntryFacts(journeyId, entryId, type, agency, refused ? correction.consent() : consent, stricter,
                recordedAt, about);
    }
}

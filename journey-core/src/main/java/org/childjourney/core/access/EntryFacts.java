package org.childjourney.core.access;

import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.provenance.Sensitivity;

/** What the access policy needs to know about one entry: what it is, who recorded it, under what consent. */
public record EntryFacts(EntryId entryId, EntryType type, AgencyCode agency, ConsentStatus consent,
        Sensitivity sensitivity) {
}

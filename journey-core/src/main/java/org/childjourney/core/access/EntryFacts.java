package org.childjourney.core.access;

import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.ConsentStatus;
import org.childjourney.core.journey.EntryId;

/** What the access policy needs to know about one entry: who recorded it and under what consent. */
public record EntryFacts(EntryId entryId, AgencyCode agency, ConsentStatus consent) {
}

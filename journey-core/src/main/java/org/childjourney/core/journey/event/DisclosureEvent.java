package org.childjourney.core.journey.event;

import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Viewer;

/**
 * A disclosure record: one read of the record, permitted or refused, appended to the event store before any data
 * leaves. Together they answer "who read what, when, for which purpose, on what basis".
 */
public sealed interface DisclosureEvent permits JourneyDisclosed, AccessRefused, JourneysSearched, AuditTrailRead {

    Viewer viewer();

    Purpose purpose();

    ReadKind kind();

    String policyVersion();
}

package org.childjourney.core.journey.event;

import org.axonframework.serialization.Revision;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Children's social care added an agency, or one named practitioner of it, to the team around the child. Emitted for
 * a {@code team-member-added}; the membership lasts until it is removed or social care's involvement ends.
 */
@Revision("1")
public record TeamMemberAdded(ChildJourneyId journeyId, EntryId entryId, Provenance provenance, Subject subject,
        Consent consent, AgencyCode member, TeamRole role, @Nullable String practitioner) implements JourneyEntry {
}

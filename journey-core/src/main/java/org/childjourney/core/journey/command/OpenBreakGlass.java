package org.childjourney.core.journey.command;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/**
 * Grant this reader emergency access at {@code at}, unless a grant of theirs is open then. Answers the grant in
 * force ({@code BreakGlassGrant}), and whether this command opened it.
 *
 * @param grantId the id a grant opened by this command takes (random, chosen by the service)
 * @param toTell  whom a grant it opens is told of, when the read was of the journey with those linked to it (the
 *                record's lead, or the agencies with entries on any of them); {@code null}: as the journey's own
 *                facts say ({@code JourneyFacts.toTellOfBreakGlass})
 */
public record OpenBreakGlass(@TargetAggregateIdentifier ChildJourneyId journeyId, String grantId, Viewer reader,
        Sensitive<String> justification, Instant at, @Nullable Set<AgencyCode> toTell) {
}

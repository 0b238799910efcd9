package org.childjourney.core.journey.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.person.Sensitive;

/**
 * Grant this reader emergency access at {@code at}, unless a grant of theirs is open then. Answers the grant in
 * force ({@code BreakGlassGrant}), and whether this command opened it.
 *
 * @param grantId the id a grant opened by this command takes (random, chosen by the service)
 */
public record OpenBreakGlass(@TargetAggregateIdentifier ChildJourneyId journeyId, String grantId, Viewer reader,
        Sensitive<String> justification, Instant at) {
}

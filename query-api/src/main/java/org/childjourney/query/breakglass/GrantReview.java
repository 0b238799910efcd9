package org.childjourney.query.breakglass;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.BreakGlassOutcome;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.command.ReviewBreakGlass;
import org.childjourney.core.person.Sensitive;

/** An auditor's finding on a break-glass grant: justified or not, and why. */
public record GrantReview(@NotNull @Pattern(regexp = "justified|not-justified") String outcome,
        @NotBlank @Size(max = 4000) String note) {

    /**
     * Records the finding on the grant's journey.
     *
     * @return whether the queue holds the grant (a grant opened a moment ago may take a moment to appear)
     */
    public boolean record(QueryGateway queries, CommandGateway commands, Viewer auditor, String grantId) {
        Optional<QueuedGrant> grant = grants(queries, new FindGrants(auditor, null, grantId)).stream().findFirst();
        grant.ifPresent(found -> commands.sendAndWait(new ReviewBreakGlass(ChildJourneyId.of(found.journeyId()),
                grantId, auditor, BreakGlassOutcome.ofWireName(outcome), Sensitive.of(note))));
        return grant.isPresent();
    }

    /** The grants a listing asks for; the listing is recorded. */
    public static List<QueuedGrant> grants(QueryGateway queries, FindGrants listing) {
        return queries.query(listing, ResponseTypes.multipleInstancesOf(QueuedGrant.class)).join();
    }
}

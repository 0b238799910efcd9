package org.childjourney.query.search;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindJourneys}. Searching is itself a read: each journey found is put to the access policy, and
 * the search is recorded with the journeys returned and those withheld before the answer leaves.
 */
@Component
class JourneySearchHandler {

    private final JourneyLookupProjection lookup;
    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;

    JourneySearchHandler(JourneyLookupProjection lookup, JourneyFactsSource facts, DisclosureLog disclosures) {
        this.lookup = lookup;
        this.facts = facts;
        this.disclosures = disclosures;
    }

    @QueryHandler
    JourneySearch handle(FindJourneys query) {
        AccessRequest request = query.reader().request(ReadKind.SEARCH);
        List<ChildJourneyId> found = lookup.journeys(query.identifierDigest());
        List<ChildJourneyId> permitted = new ArrayList<>();
        List<ChildJourneyId> withheld = new ArrayList<>();
        for (ChildJourneyId journeyId : found) {
            AccessDecision decision = AccessPolicies.all().decide(request, facts.factsOf(journeyId));
            (decision instanceof AccessDecision.Permitted ? permitted : withheld).add(journeyId);
        }
        disclosures.searched(request, permitted, withheld);
        if (!request.viewer().holds(Role.PRACTITIONER) && !request.viewer().holds(Role.MASH)) {
            return new JourneySearch.Refused();
        }
        return new JourneySearch.Found(permitted.stream().map(id -> new JourneySearch.Journey(id.toString()))
                .toList());
    }
}

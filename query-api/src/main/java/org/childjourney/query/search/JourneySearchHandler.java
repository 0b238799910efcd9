package org.childjourney.query.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindJourneys}. Searching is itself a read: each journey found is put to the access policy (so a
 * sealed journey is found by auditors only), and the search is recorded with the journeys returned and those
 * withheld before the answer leaves. A reader whose roles may not use the purpose at all is refused.
 */
@Component
class JourneySearchHandler {

    private final JourneyLookupProjection lookup;
    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;
    private final Clock clock;

    JourneySearchHandler(JourneyLookupProjection lookup, JourneyFactsSource facts, DisclosureLog disclosures,
            Clock clock) {
        this.lookup = lookup;
        this.facts = facts;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @QueryHandler
    JourneySearch handle(FindJourneys query) {
        AccessRequest request = query.reader().request(ReadKind.SEARCH, Instant.now(clock));
        List<ChildJourneyId> found = lookup.journeys(query.identifierDigest());
        List<ChildJourneyId> permitted = new ArrayList<>();
        List<ChildJourneyId> withheld = new ArrayList<>();
        for (ChildJourneyId journeyId : found) {
            AccessDecision decision = AccessPolicies.all().decide(request, facts.factsOf(journeyId));
            (decision instanceof AccessDecision.Permitted ? permitted : withheld).add(journeyId);
        }
        disclosures.searched(request, permitted, withheld);
        if (AccessPolicies.PURPOSE_FOR_ROLE.decide(request, JourneyFacts.unknown())
                instanceof AccessDecision.Refused) {
            return new JourneySearch.Refused();
        }
        return new JourneySearch.Found(permitted.stream().map(id -> new JourneySearch.Journey(id.toString()))
                .toList());
    }
}

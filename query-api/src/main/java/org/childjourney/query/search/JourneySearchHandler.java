package org.childjourney.query.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessPolicy;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.breakglass.BreakGlassGrants;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindJourneys}. Searching is itself a read: each journey found is put to the access policy on its
 * facts (a journey appears only where the reader has a ground for the stated purpose), and the search is recorded
 * with the journeys returned and those withheld before the answer leaves. No timeline is loaded. Where nothing is
 * found, the facts of a journey that never exists are asked for instead, so that a known and an unknown identifier
 * cost the same calls to the stores. An emergency search is a break-glass read of each journey it returns. A reader
 * who may not use the purpose at all is refused.
 */
@Component
class JourneySearchHandler {

    /** A journey id no journey has (journeys have random version 4 ids): asked for where nothing is found. */
    private static final ChildJourneyId NOBODY = ChildJourneyId.of("00000000-0000-4000-8000-000000000000");

    private final JourneyLookupProjection lookup;
    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;
    private final BreakGlassGrants grants;
    private final Clock clock;

    JourneySearchHandler(JourneyLookupProjection lookup, JourneyFactsSource facts, DisclosureLog disclosures,
            BreakGlassGrants grants, Clock clock) {
        this.lookup = lookup;
        this.facts = facts;
        this.disclosures = disclosures;
        this.grants = grants;
        this.clock = clock;
    }

    @QueryHandler
    JourneySearch handle(FindJourneys query) {
        AccessRequest request = query.reader().request(ReadKind.SEARCH, Instant.now(clock));
        AccessPolicy policy = AccessPolicies.current();
        List<ChildJourneyId> found = lookup.journeys(query.identifierDigest());
        List<ChildJourneyId> permitted = new ArrayList<>();
        List<ChildJourneyId> withheld = new ArrayList<>();
        for (ChildJourneyId journeyId : found.isEmpty() ? List.of(NOBODY) : found) {
            JourneyFacts journey = facts.factsOf(journeyId);
            AccessDecision decision = policy.decide(request, journey);
            if (!found.isEmpty()) {
                boolean shown = decision instanceof AccessDecision.Permitted read
                        && (!read.breakGlass() || grants.grant(journeyId, journey, request));
                (shown ? permitted : withheld).add(journeyId);
            }
        }
        disclosures.searched(request, permitted, withheld);
        if (!policy.mayReadFor(request)) {
            return new JourneySearch.Refused();
        }
        return new JourneySearch.Found(permitted.stream().map(id -> new JourneySearch.Journey(id.toString()))
                .toList());
    }
}

package org.childjourney.query.accesses;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.timeline.DecisionNotToShare;
import org.childjourney.query.timeline.JourneyFactsSource;
import org.childjourney.query.timeline.NonDisclosures;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindAccesses}: auditors, and practitioners who may read the journey for their purpose, see who
 * read it; auditors also see the decisions not to share. Reading the access log is itself a read and is recorded
 * first.
 */
@Component
class AccessLogQueryHandler {

    private final AccessLogProjection log;
    private final JourneyFactsSource facts;
    private final NonDisclosures nonDisclosures;
    private final DisclosureLog disclosures;
    private final Clock clock;

    AccessLogQueryHandler(AccessLogProjection log, JourneyFactsSource facts, NonDisclosures nonDisclosures,
            DisclosureLog disclosures, Clock clock) {
        this.log = log;
        this.facts = facts;
        this.nonDisclosures = nonDisclosures;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @QueryHandler
    AccessLogRead handle(FindAccesses query) {
        AccessRequest request = query.reader().request(ReadKind.ACCESS_LOG, Instant.now(clock));
        AccessDecision decision = AccessPolicies.all().decide(request, facts.factsOf(query.journeyId()));
        if (decision instanceof AccessDecision.Refused refused) {
            disclosures.refused(query.journeyId(), request, refused.reason());
            return new AccessLogRead.Refused();
        }
        disclosures.disclosed(query.journeyId(), request, ((AccessDecision.Permitted) decision).basis(), List.of(),
                List.of());
        boolean auditor = request.viewer().holds(Role.AUDITOR);
        List<AccessLog.Access> accesses = log.reads(query.journeyId()).stream()
                .map(read -> access(read, auditor))
                .toList();
        List<DecisionNotToShare> silences = auditor ? nonDisclosures.recordedOn(query.journeyId()) : null;
        return new AccessLogRead.Shown(new AccessLog(query.journeyId().toString(), accesses, silences));
    }

    private static AccessLog.Access access(Document read, boolean auditor) {
        return new AccessLog.Access(Instant.parse(read.getString("at")), read.getString("viewer"),
                read.getString("agency"), read.getList("roles", String.class), read.getString("purpose"),
                read.getString("kind"), read.getString("decision"), read.getString("basis"),
                auditor ? read.getString("reason") : null,
                auditor ? read.getList("entriesDisclosed", String.class) : null,
                auditor ? read.getList("entriesWithheld", String.class) : null, read.getString("policyVersion"),
                read.getBoolean("flaggedForReview", false));
    }
}

package org.childjourney.query.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.accesses.AccessLog;
import org.childjourney.query.accesses.AccessLogRead;
import org.childjourney.query.accesses.FindAccesses;
import org.childjourney.query.breakglass.FindGrants;
import org.childjourney.query.breakglass.GrantReview;
import org.childjourney.query.breakglass.QueuedGrant;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.Reader;
import org.childjourney.query.timeline.FindTimeline;
import org.childjourney.query.timeline.Timeline;
import org.childjourney.query.timeline.TimelineRead;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindReviewBundle} from the auditor's own reads, each decided by the policy and recorded as it is
 * made: the journey's timeline for {@code case-review} (with every entry's history), its access log (with the
 * decisions not to share and the refused ones) and the break-glass grants on it. A refused timeline read refuses the
 * bundle, recorded as that read's refusal, and nothing else is read.
 */
@Component
class ReviewBundles {

    private final QueryGateway queries;
    private final Clock clock;

    ReviewBundles(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @QueryHandler
    ReviewBundleRead handle(FindReviewBundle query) {
        Reader reader = query.reader();
        if (reader.purpose() != Purpose.CASE_REVIEW) {
            throw new InvalidReadRequest(Reader.PURPOSE_HEADER, "a review bundle is read for case-review");
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new InvalidReadRequest("to", "must not be before from");
        }
        // The period goes into the read, so that only the entries in it are shown, and recorded as disclosed.
        TimelineRead timelineRead = queries.query(new FindTimeline(query.journeyId(), reader, query.from(),
                query.to()), ResponseTypes.instanceOf(TimelineRead.class)).join();
        if (timelineRead instanceof TimelineRead.Erased erased) {
            return new ReviewBundleRead.Erased(erased.erasure());
        }
        if (!(timelineRead instanceof TimelineRead.Shown shownTimeline)) {
            return new ReviewBundleRead.Refused();
        }
        Timeline timeline = shownTimeline.timeline();
        AccessLogRead logRead = queries.query(new FindAccesses(query.journeyId(), reader),
                ResponseTypes.instanceOf(AccessLogRead.class)).join();
        if (!(logRead instanceof AccessLogRead.Shown shownLog)) {
            return new ReviewBundleRead.Refused();
        }
        AccessLog log = shownLog.log();
        List<ChildJourneyId> journeys = new ArrayList<>(List.of(query.journeyId()));
        journeys.addAll(timeline.linkedJourneys());
        List<QueuedGrant> grants = GrantReview.grants(queries, new FindGrants(reader.viewer(), null, null, journeys));

        Period period = new Period(query.from(), query.to());
        List<AccessLog.Access> disclosures = period.keep(log.accesses(), AccessLog.Access::at);
        return new ReviewBundleRead.Shown(new ReviewBundle(query.journeyId().toString(), timeline.linkedJourneys(),
                query.from(), query.to(), Instant.now(clock), reader.viewer().username(), timeline.lawfulBasis(),
                timeline.entries(), seenByAgency(disclosures),
                disclosures,
                log.nonDisclosures() == null ? List.of() : period.keep(log.nonDisclosures(), decision -> decision.at()),
                log.refusedSharing() == null ? List.of() : period.keep(log.refusedSharing(), refused -> refused.at()),
                period.keep(grants, grant -> Instant.parse(grant.openedAt()))));
    }

    /** Per agency, in the order of their codes: its permitted reads and the entries they disclosed. */
    private static List<ReviewBundle.AgencySeen> seenByAgency(List<AccessLog.Access> disclosures) {
        Map<String, List<AccessLog.Access>> byAgency = new TreeMap<>();
        for (AccessLog.Access access : disclosures) {
            if (access.agency() != null && "permitted".equals(access.decision())) {
                byAgency.computeIfAbsent(access.agency(), agency -> new ArrayList<>()).add(access);
            }
        }
        return byAgency.entrySet().stream().map(agency -> {
            List<AccessLog.Access> reads = agency.getValue();
            Set<String> shown = new LinkedHashSet<>();
            reads.forEach(read -> shown.addAll(read.entriesDisclosed() == null ? List.of() : read.entriesDisclosed()));
            return new ReviewBundle.AgencySeen(agency.getKey(), reads.size(),
                    reads.stream().map(AccessLog.Access::at).min(Instant::compareTo).orElseThrow(),
                    reads.stream().map(AccessLog.Access::at).max(Instant::compareTo).orElseThrow(),
                    List.copyOf(shown));
        }).toList();
    }

    /** The period a bundle covers, each end inclusive and either open. */
    private record Period(@Nullable Instant from, @Nullable Instant to) {

        <T> List<T> keep(List<T> items, Function<T, Instant> when) {
            return items.stream().filter(item -> {
                Instant at = when.apply(item);
                return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
            }).toList();
        }
    }
}

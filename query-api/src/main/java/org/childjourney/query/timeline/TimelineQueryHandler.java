package org.childjourney.query.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.EntryView;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.RefusalReason;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.EntryId;
import org.childjourney.query.breakglass.BreakGlassGrants;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.inbox.Notices;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindTimeline}: asks the access policy on the journey's facts as of its latest event, opens (or
 * finds) the reader's break-glass grant where the read rests on one, records the disclosure (or the refusal) in the
 * event store, and only then loads and maps what may be shown, each entry as much as the read's grounds allow. A
 * triage check tells the lead agency, or the plan's owner.
 */
@Component
class TimelineQueryHandler {

    private final TimelineStore store;
    private final JourneyFactsSource facts;
    private final DisclosureLog disclosures;
    private final Notices notices;
    private final BreakGlassGrants grants;
    private final Clock clock;

    TimelineQueryHandler(TimelineStore store, JourneyFactsSource facts, DisclosureLog disclosures, Notices notices,
            BreakGlassGrants grants, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.disclosures = disclosures;
        this.notices = notices;
        this.grants = grants;
        this.clock = clock;
    }

    @QueryHandler
    TimelineRead handle(FindTimeline query) {
        AccessRequest request = query.reader().request(ReadKind.TIMELINE, Instant.now(clock));
        JourneyFacts journey = facts.factsOf(query.journeyId());
        AccessDecision decision = AccessPolicies.current().decide(request, journey);
        if (decision instanceof AccessDecision.Permitted permitted && permitted.breakGlass()
                && !grants.grant(query.journeyId(), request, journey)) {
            decision = new AccessDecision.Refused(RefusalReason.JOURNEY_SEALED);
        }
        if (decision instanceof AccessDecision.Refused refused) {
            disclosures.refused(query.journeyId(), request, refused.reason());
            return new TimelineRead.Refused();
        }
        AccessDecision.Permitted permitted = (AccessDecision.Permitted) decision;
        // The entries shown may lag the facts by a moment (the read model follows the store); what is withheld never.
        TimelineDocument timeline = store.find(query.journeyId())
                .orElseGet(() -> TimelineDocument.open(query.journeyId()));
        List<Timeline.Entry> shown = new ArrayList<>();
        for (Document entry : timeline.standingEntries()) {
            EntryView view = permitted.view(EntryId.of(entry.getString("entryId")));
            if (view != null) {
                shown.add(entry(entry, view));
            }
        }
        shown.sort(Timeline.CHRONOLOGICAL);
        disclosures.disclosed(query.journeyId(), request, permitted,
                shown.stream().map(entry -> EntryId.of(entry.entryId())).toList());
        if (permitted.grounds().contains(Ground.TRIAGE_CHECK)) {
            tellOfTriageCheck(query, journey);
        }
        AccessDecision.Flags flags = permitted.flags();
        return new TimelineRead.Shown(new Timeline(timeline.journeyId(),
                timeline.asOf() == null ? null : Instant.parse(timeline.asOf()), request.purpose().header(),
                permitted.grounds().stream().map(Ground::wireName).toList(), permitted.basis().citation(),
                flags == null ? null : new Timeline.Flags(flags.childProtectionPlan(), flags.openToSocialCare(),
                        flags.leadAgency() == null ? null : flags.leadAgency().value(), flags.priorAttendances()),
                shown));
    }

    /**
     * A triage check is told to the lead agency, or without one to the agency that owns the child's plan; the notice
     * names the plan, if there is one.
     */
    private void tellOfTriageCheck(FindTimeline query, JourneyFacts journey) {
        EntryFacts plan = journey.childProtectionPlan();
        Optional<AgencyCode> told = journey.leadAgency().or(() -> Optional.ofNullable(plan).map(EntryFacts::agency));
        told.ifPresent(agency -> notices.raise(agency, NoticeKind.ACCESS_NOTICE, query.journeyId(),
                plan == null ? List.of() : List.of(plan.entryId()),
                "A practitioner checked this child's flags (" + query.reader().purpose().header() + ")."));
    }

    /** An entry of a timeline document as a reader is shown it, as much as the view allows. */
    static Timeline.Entry entry(Document entry, EntryView view) {
        Document agency = entry.get("agency", Document.class);
        Document details = entry.get("details", Document.class);
        Map<String, Object> visible = new LinkedHashMap<>();
        List<String> redacted = new ArrayList<>();
        details.forEach((field, value) -> {
            boolean hidden = switch (view) {
                case FULL -> false;
                case WITHOUT_RATIONALE -> "rationale".equals(field);
                case SUMMARY_ONLY, EXISTENCE_ONLY -> true;
            };
            if (hidden) {
                redacted.add(field);
            } else {
                visible.put(field, value);
            }
        });
        if (view == EntryView.EXISTENCE_ONLY) {
            redacted.add("summary");
        }
        redacted.sort(Comparator.naturalOrder());
        return new Timeline.Entry(entry.getString("entryId"), entry.getString("type"),
                Instant.parse(entry.getString("occurredAt")), Instant.parse(entry.getString("recordedAt")),
                new Timeline.Agency(agency.getString("code"), agency.getString("kind")),
                view == EntryView.EXISTENCE_ONLY ? null : entry.getString("summary"), visible,
                entry.get("consent", Document.class).getString("status"), entry.getString("status"), redacted);
    }
}

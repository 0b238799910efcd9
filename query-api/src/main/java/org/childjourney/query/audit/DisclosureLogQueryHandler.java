package org.childjourney.query.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.event.AccessRefused;
import org.childjourney.core.journey.event.AuditTrailRead;
import org.childjourney.core.journey.event.DisclosureEvent;
import org.childjourney.core.journey.event.InboxRead;
import org.childjourney.core.journey.event.JourneyDisclosed;
import org.childjourney.core.journey.event.JourneysSearched;
import org.childjourney.query.disclosure.DisclosureLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindDisclosures} from the event store, where the disclosure records are kept, in the order they were
 * recorded: never from a read model, so the log is complete up to the moment it is read. A page holds up to
 * {@value #PAGE} items and looks at no more than {@value #SCAN} stored events; the next page's token is where it
 * stopped, so a rare filter may give short pages, never a slow one. The listing is itself recorded before it is
 * sent ({@code AuditTrailRead}).
 */
@Component
class DisclosureLogQueryHandler {

    static final int PAGE = 100;
    static final int SCAN = 10_000;

    private final EventStorageEngine events;
    private final DisclosureLog disclosures;

    DisclosureLogQueryHandler(EventStorageEngine events, DisclosureLog disclosures) {
        this.events = events;
        this.disclosures = disclosures;
    }

    @QueryHandler
    Disclosures handle(FindDisclosures query) {
        List<Disclosures.Item> items = new ArrayList<>();
        long position = query.after().after();
        boolean more = false;
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(
                position < 0 ? null : GapAwareTrackingToken.newInstance(position, Set.of()), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stored.iterator();
            int scanned = 0;
            while (iterator.hasNext() && items.size() < PAGE && scanned < SCAN) {
                TrackedEventMessage<?> event = iterator.next();
                scanned++;
                position = event.trackingToken().position().orElse(position);
                if (isDisclosure(event.getPayloadType())) {
                    items(event).stream().filter(item -> matches(item, query)).forEach(items::add);
                }
            }
            more = iterator.hasNext();
        }
        disclosures.auditTrailRead(query.auditor(), "disclosures", items.stream().map(Disclosures.Item::journeyId)
                .map(ChildJourneyId::of).toList());
        return new Disclosures(items, more ? new PageToken(position).text() : null);
    }

    private static boolean isDisclosure(Class<?> type) {
        return DisclosureEvent.class.isAssignableFrom(type) || type == InboxRead.class;
    }

    /** The items one stored record makes: one for each journey it concerns. */
    private static List<Disclosures.Item> items(TrackedEventMessage<?> event) {
        String id = event.getIdentifier();
        Object payload = event.getPayload();
        if (payload instanceof JourneyDisclosed read) {
            return List.of(new Disclosures.Item(id, read.journeyId().toString(), read.viewer().username(),
                    agency(read.viewer()), read.purpose().header(), grounds(read.grounds()), "permitted", null,
                    kind(read.kind().name()), read.policyVersion(), event.getTimestamp()));
        } else if (payload instanceof AccessRefused refused) {
            return List.of(new Disclosures.Item(id, refused.journeyId().toString(), refused.viewer().username(),
                    agency(refused.viewer()), refused.purpose().header(), List.of(), "refused",
                    refused.reason().name(), kind(refused.kind().name()), refused.policyVersion(),
                    event.getTimestamp()));
        } else if (payload instanceof JourneysSearched searched) {
            List<Disclosures.Item> items = new ArrayList<>();
            searched.disclosed().forEach(journey -> items.add(searchItem(id, searched, journey, "permitted", event)));
            searched.withheld().forEach(journey -> items.add(searchItem(id, searched, journey, "withheld", event)));
            return items;
        } else if (payload instanceof AuditTrailRead trail) {
            return trail.journeyIds().stream().map(journey -> new Disclosures.Item(id, journey.toString(),
                    trail.viewer().username(), agency(trail.viewer()), trail.purpose().header(), List.of(), "permitted",
                    null, kind(trail.kind().name()), trail.policyVersion(), event.getTimestamp())).toList();
        }
        InboxRead inbox = (InboxRead) payload;
        return inbox.journeyIds().stream().map(journey -> new Disclosures.Item(id, journey.toString(), inbox.readBy(),
                inbox.agency().value(), null, List.of(), "permitted", null, "inbox", null, event.getTimestamp()))
                .toList();
    }

    private static Disclosures.Item searchItem(String id, JourneysSearched searched, ChildJourneyId journey,
            String decision, TrackedEventMessage<?> event) {
        return new Disclosures.Item(id, journey.toString(), searched.viewer().username(), agency(searched.viewer()),
                searched.purpose().header(), List.of(), decision, null, kind(searched.kind().name()),
                searched.policyVersion(), event.getTimestamp());
    }

    private static boolean matches(Disclosures.Item item, FindDisclosures query) {
        return (query.journeyId() == null || query.journeyId().toString().equals(item.journeyId()))
                && (query.viewer() == null || query.viewer().equals(item.viewer()))
                && (query.from() == null || !item.at().isBefore(query.from()))
                && (query.to() == null || item.at().isBefore(query.to()));
    }

    private static @Nullable String agency(Viewer viewer) {
        return viewer.agency() == null ? null : viewer.agency().value();
    }

    private static List<String> grounds(List<Ground> grounds) {
        return grounds.stream().map(Ground::wireName).toList();
    }

    private static String kind(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

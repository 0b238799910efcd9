package org.childjourney.query.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.childjourney.core.access.JourneyFactsFold;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.feedback.JourneySignals;
import org.childjourney.core.feedback.PatternRule;
import org.childjourney.core.feedback.PatternRules;
import org.childjourney.core.feedback.Signal;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.query.disclosure.DisclosureLog;
import org.childjourney.query.readmodel.JourneyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers {@link ReplayPatternRule}: walks the whole store journey by journey ({@link JourneyOrder}), asking the rule
 * at each entry exactly as the live processor does (on the journey as it stood before the entry, nothing raised
 * about a sealed journey), and raises nothing. The answer names journeys, so it is recorded first
 * ({@code AuditTrailRead}, {@code pattern-rule-replay}, the journeys of its examples). It reads every event of the
 * store: minutes at a million.
 */
@Component
class PatternRuleReplays {

    private final PatternRules rules;
    private final JourneyOrder order;
    private final DisclosureLog disclosures;

    PatternRuleReplays(FeedbackProperties properties, JourneyOrder order, DisclosureLog disclosures) {
        this.rules = properties.patternRules();
        this.order = order;
        this.disclosures = disclosures;
    }

    @QueryHandler
    PatternRules handle(FindPatternRules query) {
        return rules;
    }

    @QueryHandler
    RuleReplay handle(ReplayPatternRule query) throws Exception {
        Optional<PatternRule> rule = rules.rule(query.ruleId());
        if (rule.isEmpty()) {
            return new RuleReplay(false, query.ruleId(), rules.version(), false, 0, 0, 0, 0, List.of());
        }
        Walk walk = new Walk(rule.get(), rules.version());
        long events = order.replayAll(SimpleEventHandlerInvoker.builder().eventHandlers(walk).build());
        disclosures.listRead(query.askedBy(), Purpose.CASE_REVIEW, "pattern-rule-replay",
                walk.examples.stream().map(example -> ChildJourneyId.of(example.journeyId())).toList());
        return new RuleReplay(true, rule.get().id(), rules.version(), rule.get().switchedOn(), events, walk.journeys,
                walk.alerts, walk.alerted.size(), walk.examples);
    }

    /** One journey at a time: its fold and signals, begun anew at each journey's first event. */
    static final class Walk {

        private final PatternRule rule;
        private final String version;
        private @Nullable ChildJourneyId journey;
        private JourneyFactsFold fold = new JourneyFactsFold();
        private JourneySignals signals = new JourneySignals();
        private long journeys;
        private long alerts;
        private final Set<ChildJourneyId> alerted = new HashSet<>();
        private final List<RuleReplay.Example> examples = new ArrayList<>();

        Walk(PatternRule rule, String version) {
            this.rule = rule;
            this.version = version;
        }

        @EventHandler
        void on(JourneyEvent event, @Timestamp Instant recordedAt) {
            ChildJourneyId journeyId = event.journeyId();
            if (journeyId == null) {
                return;
            }
            if (!journeyId.equals(journey)) {
                journey = journeyId;
                fold = new JourneyFactsFold();
                signals = new JourneySignals();
                journeys++;
            }
            if (event instanceof JourneyEntry entry && !EntryType.of(entry).amends() && !fold.sealed()) {
                Signal trigger = Signal.of(entry, recordedAt);
                if (rule.askedAt(trigger)) {
                    rule.at(trigger, signals, version).ifPresent(found -> {
                        alerts++;
                        alerted.add(journeyId);
                        if (examples.size() < RuleReplay.EXAMPLES) {
                            examples.add(new RuleReplay.Example(journeyId.toString(), recordedAt,
                                    found.trigger().toString(), found.cited().stream().map(EntryId::toString)
                                            .toList(), found.summary()));
                        }
                    });
                }
            }
            fold.when(event, recordedAt);
            signals.when(event, recordedAt);
        }
    }
}

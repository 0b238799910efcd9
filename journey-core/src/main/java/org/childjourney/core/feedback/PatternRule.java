package org.childjourney.core.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.jspecify.annotations.Nullable;

/**
 * One explainable rule over a child's whole journey, as configuration writes it. Each rule is asked at every entry
 * the record learns of (the trigger), on the journey as it stood before it, and alerts at most once for the entry
 * that makes its condition true, citing the entries it rests on. Counts are stated plainly, never scored.
 *
 * <ul>
 *   <li>{@code count-within}: {@code count} entries of the {@code types} within {@code within}, counted back from the
 *       trigger's date: alerts at the entry that makes the count, not at later ones in the same window;</li>
 *   <li>{@code during-plan}: an entry of the {@code types} while a child protection plan is open;</li>
 *   <li>{@code agencies-without-decision}: entries of the {@code types} from {@code count} agencies within
 *       {@code within}, and in that window none named in {@code unless} (a type, or a type and decision such as
 *       {@code contact-decision:referral}): alerts at the entry of the agency that makes the count.</li>
 * </ul>
 *
 * @param id          stable, kebab-case; part of each alert's id
 * @param types       entry types as the contract writes them ({@code ae-attendance})
 * @param switchedOn  whether the live processor raises its alerts; a rule switched off can still be replayed
 * @param description what the rule looks for, in words, at the head of each alert
 */
public record PatternRule(String id, Kind kind, List<String> types, int count, @Nullable Duration within,
        List<String> unless, boolean switchedOn, String description) {

    public PatternRule {
        types = List.copyOf(types);
        unless = unless == null ? List.of() : List.copyOf(unless);
        if ((kind == Kind.COUNT_WITHIN || kind == Kind.AGENCIES_WITHOUT_DECISION) && (within == null || count < 2)) {
            throw new IllegalArgumentException("rule " + id + " needs a period (within) and a count of 2 or more");
        }
        for (String named : Stream.concat(types.stream(), unless.stream()).toList()) {
            if (EntryType.fromWireName(named.split(":", 2)[0]).isEmpty()) {
                throw new IllegalArgumentException("rule " + id + " names no entry type: " + named);
            }
        }
    }

    /** The kinds of rule. */
    public enum Kind {
        COUNT_WITHIN, DURING_PLAN, AGENCIES_WITHOUT_DECISION
    }

    /** What a rule found: the entries it rests on, and why, in words. */
    public record Finding(String ruleId, EntryId trigger, List<EntryId> cited, String summary) {

        public Finding {
            cited = List.copyOf(cited);
        }
    }

    /**
     * What the rule finds at {@code trigger}, newly recorded, on the journey before it ({@code before} holds the
     * signals up to and not including the trigger; {@code facts} the facts then), if anything.
     */
    public Optional<Finding> at(Signal trigger, JourneySignals before, JourneyFacts facts, String version) {
        if (!askedAt(trigger)) {
            return Optional.empty();
        }
        return switch (kind) {
            case COUNT_WITHIN -> countWithin(trigger, before, version);
            case DURING_PLAN -> duringPlan(trigger, facts, version);
            case AGENCIES_WITHOUT_DECISION -> agenciesWithoutDecision(trigger, before, version);
        };
    }

    /** Whether the rule is asked at this entry at all: one of its types. */
    public boolean askedAt(Signal trigger) {
        return types.contains(trigger.type().wireName());
    }

    private Optional<Finding> countWithin(Signal trigger, JourneySignals before, String version) {
        List<Signal> earlier = inWindow(trigger, before).stream()
                .filter(signal -> types.contains(signal.type().wireName())).toList();
        if (earlier.size() + 1 != count) {
            return Optional.empty();
        }
        List<Signal> cited = with(earlier, trigger);
        return Optional.of(finding(trigger, ids(cited), cited.size() + " within " + days() + " days: "
                + dates(cited), version));
    }

    private Optional<Finding> duringPlan(Signal trigger, JourneyFacts facts, String version) {
        EntryFacts plan = facts.childProtectionPlan();
        if (plan == null) {
            return Optional.empty();
        }
        return Optional.of(finding(trigger, List.of(plan.entryId(), trigger.entryId()), "on "
                + FeedbackLoops.day(trigger.occurredAt()) + ", with a child protection plan open since "
                + FeedbackLoops.day(plan.recordedAt()), version));
    }

    private Optional<Finding> agenciesWithoutDecision(Signal trigger, JourneySignals before, String version) {
        List<Signal> window = inWindow(trigger, before);
        List<Signal> earlier = window.stream().filter(signal -> types.contains(signal.type().wireName())).toList();
        Set<String> agencies = earlier.stream().map(signal -> signal.agency().value())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (agencies.contains(trigger.agency().value()) || agencies.size() + 1 != count
                || window.stream().anyMatch(signal -> signal.named(unless))) {
            return Optional.empty();
        }
        agencies.add(trigger.agency().value());
        List<Signal> cited = with(earlier, trigger);
        return Optional.of(finding(trigger, ids(cited), cited.size() + " from " + agencies.size() + " agencies ("
                + String.join(", ", agencies) + ") within " + days() + " days, and no "
                + String.join(" or ", unless) + " recorded in that time: " + dates(cited), version));
    }

    /** Entries before the trigger that happened in the period counted back from it. */
    private List<Signal> inWindow(Signal trigger, JourneySignals before) {
        Instant from = trigger.occurredAt().minus(within);
        return before.all().stream().filter(signal -> !signal.occurredAt().isBefore(from)
                && !signal.occurredAt().isAfter(trigger.occurredAt())).toList();
    }

    private Finding finding(Signal trigger, List<EntryId> cited, String counted, String version) {
        return new Finding(id, trigger.entryId(), cited, description + ": " + counted + ". Rule " + id + ", version "
                + version + ".");
    }

    private static List<EntryId> ids(List<Signal> signals) {
        return signals.stream().map(Signal::entryId).toList();
    }

    private long days() {
        return within == null ? 0 : within.toDays();
    }

    private static List<Signal> with(List<Signal> earlier, Signal trigger) {
        List<Signal> all = new ArrayList<>(earlier);
        all.add(trigger);
        all.sort(Comparator.comparing(Signal::occurredAt));
        return all;
    }

    private static String dates(List<Signal> signals) {
        return signals.stream().map(signal -> FeedbackLoops.day(signal.occurredAt()))
                .collect(Collectors.joining(", "));
    }
}

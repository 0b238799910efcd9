package org.childjourney.core.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.jspecify.annotations.Nullable;

/**
 * One explainable rule over a child's whole journey, as configuration writes it. Each rule is asked at every entry
 * the record learns of (the trigger), on the journey as it stood before it, and alerts at most once for the entry
 * that makes its condition true, citing the entries it rests on. Counts are stated plainly, never scored.
 *
 * <ul>
 *   <li>{@code count-within}: {@code count} entries of the {@code types} within a period of {@code within}: alerts at
 *       the entry that makes the count, not at later ones in the same period;</li>
 *   <li>{@code during-plan}: an entry of the {@code types} that happened while a child protection plan was open;</li>
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
    public record Finding(String ruleId, String description, EntryId trigger, List<EntryId> cited,
            String summary) {

        public Finding {
            cited = List.copyOf(cited);
        }
    }

    /**
     * What the rule finds at {@code trigger}, newly recorded, on the journey before it ({@code before} holds the
     * signals up to and not including the trigger), if anything. Periods are counted by when things happened, so an
     * entry sent late counts where it belongs: the rule alerts when some period of {@code within} that holds the
     * trigger reaches the count with it, and no period that holds it had reached the count without it.
     */
    public Optional<Finding> at(Signal trigger, JourneySignals before, String version) {
        if (!askedAt(trigger)) {
            return Optional.empty();
        }
        return switch (kind) {
            case COUNT_WITHIN, AGENCIES_WITHOUT_DECISION -> counted(trigger, before, version);
            case DURING_PLAN -> duringPlan(trigger, before, version);
        };
    }

    /** Whether the rule is asked at this entry at all: one of its types. */
    public boolean askedAt(Signal trigger) {
        return types.contains(trigger.type().wireName());
    }

    private Optional<Finding> counted(Signal trigger, JourneySignals before, String version) {
        Duration period = Objects.requireNonNull(within);
        Instant earliest = trigger.occurredAt().minus(period);
        List<Signal> near = before.all().stream().filter(signal -> !signal.occurredAt().isBefore(earliest)
                && !signal.occurredAt().isAfter(trigger.occurredAt().plus(period))).toList();
        List<Instant> starts = new ArrayList<>(List.of(earliest));
        near.stream().map(Signal::occurredAt).filter(at -> !at.isAfter(trigger.occurredAt())).forEach(starts::add);
        starts.sort(Comparator.naturalOrder());
        List<Signal> reached = null;
        for (Instant start : starts) {
            Instant end = start.plus(period);
            List<Signal> window = near.stream().filter(signal -> !signal.occurredAt().isBefore(start)
                    && !signal.occurredAt().isAfter(end)).toList();
            if (kind == Kind.AGENCIES_WITHOUT_DECISION && window.stream().anyMatch(signal -> signal.named(unless))) {
                continue;
            }
            List<Signal> counted = window.stream().filter(signal -> types.contains(signal.type().wireName()))
                    .toList();
            if (measure(counted) >= count) {
                return Optional.empty();
            }
            if (reached == null && measure(with(counted, trigger)) >= count) {
                reached = with(counted, trigger);
            }
        }
        if (reached == null) {
            return Optional.empty();
        }
        String counted = kind == Kind.COUNT_WITHIN ? reached.size() + " within " + days() + " days"
                : reached.size() + " from " + measure(reached) + " agencies (" + String.join(", ", agencies(reached))
                        + ") within " + days() + " days, and no " + String.join(" or ", unless)
                        + " recorded in that time";
        return Optional.of(finding(trigger, ids(reached), counted + ": " + dates(reached), version));
    }

    /** What a window holds, as the rule counts it: entries, or the agencies they came from. */
    private int measure(List<Signal> signals) {
        return kind == Kind.COUNT_WITHIN ? signals.size() : agencies(signals).size();
    }

    private static Set<String> agencies(List<Signal> signals) {
        return signals.stream().map(signal -> signal.agency().value())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether a plan was open when the trigger happened: the latest start or end of a plan by then is a start. */
    private Optional<Finding> duringPlan(Signal trigger, JourneySignals before, String version) {
        Signal latest = before.all().stream()
                .filter(signal -> signal.type() == EntryType.CP_PLAN_STARTED
                        || signal.type() == EntryType.CP_PLAN_ENDED)
                .filter(signal -> !signal.occurredAt().isAfter(trigger.occurredAt()))
                .max(Comparator.comparing(Signal::occurredAt)).orElse(null);
        if (latest == null || latest.type() != EntryType.CP_PLAN_STARTED) {
            return Optional.empty();
        }
        return Optional.of(finding(trigger, List.of(latest.entryId(), trigger.entryId()), "on "
                + FeedbackLoops.day(trigger.occurredAt()) + ", with a child protection plan open since "
                + FeedbackLoops.day(latest.occurredAt()), version));
    }

    private Finding finding(Signal trigger, List<EntryId> cited, String counted, String version) {
        return new Finding(id, description, trigger.entryId(), cited, description + ": " + counted + ". Rule " + id
                + ", version " + version + ".");
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

package org.childjourney.query.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.query.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * A timeline as a page shows it: its entries (those the filter keeps) in the order they happened, grouped by month;
 * the filter's choices; and what the entries this read shows say about who works with the child now. The panel is
 * drawn from the shown entries only, so it discloses nothing the timeline does not.
 *
 * @param shown how many entries the filter kept, of {@code total}
 */
record TimelinePage(List<Month> months, int shown, int total, List<Choice> agencies, List<Choice> types,
        Filter filter, List<Involvement> involved, boolean openEnquiry) {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** A value written as a code of the contract ({@code allocated-social-worker}), shown in words. */
    private static final Pattern CODE = Pattern.compile("[a-z]+(-[a-z0-9]+)+");

    /** Two clocks closer than this are shown as one: the entry was recorded as it happened. */
    private static final Duration SAME_TIME = Duration.ofHours(1);

    /** The entries of one calendar month, in England's time. */
    record Month(String label, List<EntryView> entries) {
    }

    /**
     * One entry as a page shows it.
     *
     * @param recorded when the record learned of it, only where that differs from when it happened
     * @param status   {@code current}, {@code corrected} or {@code retracted}
     */
    record EntryView(String entryId, String type, String agency, String kind, String colour, String occurred,
            @Nullable String recorded, @Nullable String summary, List<Field> details, String consent,
            String status, List<String> redacted, @Nullable String household) {
    }

    /** A detail of an entry: its name and value in words. */
    record Field(String label, String value) {
    }

    /** An option of a filter. */
    record Choice(String value, String label, boolean selected) {
    }

    /** An agency working with the child, as the shown entries tell it: by an involvement, or in the team. */
    record Involvement(String agency, String kind, String colour, String role, boolean socialCare, boolean team) {

        Involvement(String agency, AgencyKind kind, String role, boolean team) {
            this(agency, Words.kind(kind), Words.colour(kind), role, kind == AgencyKind.CHILDRENS_SOCIAL_CARE, team);
        }
    }

    /** What the reader asked to see: one agency, one type, a period (inclusive days, in England's time). */
    record Filter(@Nullable String agency, @Nullable String type, @Nullable LocalDate from, @Nullable LocalDate to) {

        boolean keeps(Timeline.Entry entry) {
            LocalDate day = LocalDate.ofInstant(entry.occurredAt(), ENGLAND);
            return (agency == null || agency.equals(entry.agency().code()))
                    && (type == null || type.equals(entry.type()))
                    && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    static TimelinePage of(Collection<Timeline.Entry> entries, Filter filter, AgencyRegister register) {
        Map<String, List<EntryView>> months = new LinkedHashMap<>();
        Map<String, String> agencies = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        int shown = 0;
        for (Timeline.Entry entry : entries) {
            agencies.put(entry.agency().code(), entry.agency().code());
            types.put(entry.type(), Words.type(entry.type()));
            if (filter.keeps(entry)) {
                months.computeIfAbsent(MONTH.format(entry.occurredAt().atZone(ENGLAND)), month -> new ArrayList<>())
                        .add(view(entry, register));
                shown++;
            }
        }
        return new TimelinePage(months.entrySet().stream().map(month -> new Month(month.getKey(), month.getValue()))
                .toList(), shown, entries.size(), choices(agencies, filter.agency()), choices(types, filter.type()),
                filter, involved(entries, register), openEnquiry(entries));
    }

    public static String time(Instant instant) {
        return DAY_AND_TIME.format(instant.atZone(ENGLAND));
    }

    private static EntryView view(Timeline.Entry entry, AgencyRegister register) {
        AgencyKind kind = kindOf(entry.agency().code(), register);
        boolean apart = Duration.between(entry.occurredAt(), entry.recordedAt()).abs().compareTo(SAME_TIME) >= 0;
        Timeline.Household household = entry.household();
        return new EntryView(entry.entryId(), Words.type(entry.type()), entry.agency().code(), Words.kind(kind),
                Words.colour(kind), time(entry.occurredAt()), apart ? time(entry.recordedAt()) : null,
                entry.summary(), fields(entry.details()), Words.value(entry.consent()), entry.status(),
                entry.redacted().stream().map(Words::field).toList(),
                household == null ? null : "recorded for %d children of one household".formatted(household.children()));
    }

    static List<Field> fields(Map<String, Object> details) {
        return details.entrySet().stream().filter(detail -> detail.getValue() != null)
                .map(detail -> new Field(Words.field(detail.getKey()), words(detail.getKey(), detail.getValue())))
                .toList();
    }

    /** A value in words; agency codes ({@code agency}, {@code referrerAgency}, {@code participants}) stay codes. */
    private static String words(String field, Object value) {
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof Collection<?> many) {
            return String.join(", ", many.stream().map(item -> words(field, item)).toList());
        }
        if (value instanceof Map<?, ?> nested) {
            return String.join("; ", nested.entrySet().stream().map(item -> Words.field(String.valueOf(item.getKey()))
                    + ": " + words(String.valueOf(item.getKey()), item.getValue())).toList());
        }
        String text = Objects.toString(value);
        boolean agencies = field.toLowerCase(Locale.ROOT).endsWith("agency") || field.equals("participants");
        if (!agencies && CODE.matcher(text).matches()) {
            return Words.value(text);
        }
        try {
            return time(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            return text;
        }
    }

    private static List<Choice> choices(Map<String, String> options, @Nullable String selected) {
        return options.entrySet().stream()
                .map(option -> new Choice(option.getKey(), option.getValue(), option.getKey().equals(selected)))
                .toList();
    }

    /**
     * Open involvements (by the agency that sent them, one a role) and the team around the child (as social care
     * recorded it, ended with social care's last involvement), in the order the entries tell them. Entries whose
     * details this read may not see, and retracted ones, say nothing here.
     */
    private static List<Involvement> involved(Collection<Timeline.Entry> entries, AgencyRegister register) {
        Map<String, Involvement> open = new LinkedHashMap<>();
        for (Timeline.Entry entry : entries) {
            if ("retracted".equals(entry.status()) || !entry.redacted().isEmpty()) {
                continue;
            }
            Map<String, Object> details = entry.details();
            String sender = entry.agency().code();
            switch (entry.type()) {
                case "involvement-started" -> open.put("involvement " + sender + " " + details.get("role"),
                        involvement(sender, text(details.get("role"), "works with the child"), register));
                case "involvement-ended" -> {
                    open.remove("involvement " + sender + " " + details.get("role"));
                    if (kindOf(sender, register) == AgencyKind.CHILDRENS_SOCIAL_CARE && open.values().stream()
                            .noneMatch(who -> who.socialCare && !who.team)) {
                        open.values().removeIf(Involvement::team);
                    }
                }
                case "team-member-added", "team-member-removed" -> {
                    String key = "team " + details.get("agency") + " " + details.get("role");
                    if (entry.type().equals("team-member-removed")) {
                        open.remove(key);
                    } else if (details.get("agency") instanceof String member) {
                        open.put(key, new Involvement(member, kindOf(member, register),
                                text(details.get("role"), "member") + " (team around the child)", true));
                    }
                }
                default -> {
                }
            }
        }
        return List.copyOf(open.values());
    }

    /** Whether a shown strategy discussion opened a s.47 enquiry that no shown outcome has closed since. */
    private static boolean openEnquiry(Collection<Timeline.Entry> entries) {
        int open = 0;
        for (Timeline.Entry entry : entries) {
            if ("retracted".equals(entry.status())) {
                continue;
            }
            if (entry.type().equals("strategy-discussion") && "s47-enquiry".equals(entry.details().get("decision"))) {
                open++;
            } else if (entry.type().equals("s47-outcome") && open > 0) {
                open--;
            }
        }
        return open > 0;
    }

    private static Involvement involvement(String agency, String role, AgencyRegister register) {
        return new Involvement(agency, kindOf(agency, register), role, false);
    }

    private static String text(@Nullable Object value, String otherwise) {
        return value instanceof String words ? Words.value(words) : otherwise;
    }

    static AgencyKind kindOf(String agency, AgencyRegister register) {
        AgencyKind kind = register.kindOf(AgencyCode.of(agency));
        return kind == null ? AgencyKind.OTHER : kind;
    }
}

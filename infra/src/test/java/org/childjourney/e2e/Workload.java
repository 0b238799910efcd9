package org.childjourney.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A realistic, deterministic stream of submissions: about 60% police domestic abuse notifications, then A&amp;E
 * attendances, school concerns and contacts to children's social care (domain brief, section 8), spread over the
 * children by a Zipf-like law, so most children have a handful of entries and a few have hundreds. One child, the
 * "hot" child, gets exactly {@link #HOT_ENTRIES} entries for the timeline read benchmark. All data is fictional: NHS
 * numbers come from the 999 test range.
 */
final class Workload {

    static final int HOT_ENTRIES = 200;
    /**
     * Children are drawn with weight 1 / (rank + offset), offset = children / 50: a Zipf law flattened at the top,
     * so that at full size most children have a handful of entries and the busiest a few hundred, not a tenth of
     * the whole record.
     */
    private static final int OFFSET_DIVISOR = 50;

    /**
     * How much: full is a national slice (50,000 children, 1,000,000 events); smoke keeps CI running every phase of
     * the harness, with the phases' own fixed counts (single posts, freshness samples, reads, the long journey) a
     * tenth of their measuring size ({@code fixedShare}; the hot child keeps its {@link #HOT_ENTRIES}), so that its
     * figures are comparable with no other size.
     */
    record Size(int children, int events, int fixedShare) {

        static final Size SMOKE = new Size(50, 600, 10);
        static final Size SMALL = new Size(300, 3_000, 1);
        static final Size FULL = new Size(50_000, 1_000_000, 1);

        /** {@code smoke}, {@code small}, {@code full}, or a number of events (with one child for every twenty). */
        static Size parse(String text) {
            return switch (text) {
                case "smoke" -> SMOKE;
                case "small" -> SMALL;
                case "full" -> FULL;
                default -> new Size(Math.max(50, Integer.parseInt(text) / 20), Integer.parseInt(text), 1);
            };
        }

        /** One of a phase's fixed counts at this size. */
        int fixed(int count) {
            return Math.max(1, count / fixedShare);
        }
    }

    /** The agencies that push, with the share of submissions each kind makes. */
    enum Source {
        POLICE("police-east"), HOSPITAL("hospital-north"), SCHOOL_PARKSIDE("school-parkside"),
        SCHOOL_RIVERSIDE("school-riverside"), SOCIAL_CARE("csc-county");

        final String agency;

        Source(String agency) {
            this.agency = agency;
        }
    }

    /** Submissions of one agency, sent together as one NDJSON batch. */
    record Batch(Source source, List<String> lines) {
    }

    private final Size size;
    private final int batchSize;
    private final double[] cumulative;
    private final SplittableRandom random;
    private final Map<Source, List<String>> pending = new EnumMap<>(Source.class);
    private final String run;
    private final boolean feedsHotChild;
    private int next;

    Workload(Size size, int batchSize, long seed, String run) {
        this(size, batchSize, seed, run, true);
    }

    /** @param feedsHotChild whether the hot child gets its {@link #HOT_ENTRIES}: not in a workload added later */
    Workload(Size size, int batchSize, long seed, String run, boolean feedsHotChild) {
        this.feedsHotChild = feedsHotChild;
        this.size = size;
        this.batchSize = batchSize;
        this.random = new SplittableRandom(seed);
        this.run = run;
        this.cumulative = new double[size.children() - 1];
        double total = 0;
        double offset = Math.max(1, size.children() / OFFSET_DIVISOR);
        for (int rank = 1; rank < size.children(); rank++) {
            total += 1 / (rank + offset);
            cumulative[rank - 1] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        for (Source source : Source.values()) {
            pending.put(source, new ArrayList<>(batchSize));
        }
    }

    int events() {
        return size.events();
    }

    int children() {
        return size.children();
    }

    /** The hot child's NHS number. */
    String hotChild() {
        return nhsNumber(0);
    }

    /** The NHS number of the child of {@link #longJourney}, apart from the workload's children. */
    String longJourneyChild() {
        return nhsNumber(cumulative.length + 1);
    }

    /**
     * Batches that give one more child, apart from the workload's, exactly {@code entries} police notifications: the
     * journey the as-at figure replays. Their source record ids follow the workload's.
     */
    List<Batch> longJourney(int entries) {
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < entries; from += batchSize) {
            List<String> lines = new ArrayList<>();
            for (int index = from; index < Math.min(entries, from + batchSize); index++) {
                lines.add(submission(size.events() + index, cumulative.length + 1, Source.POLICE));
            }
            batches.add(new Batch(Source.POLICE, lines));
        }
        return batches;
    }

    /**
     * {@code count} police notifications to post one at a time, each about a child of its own, apart from the
     * workload's and the long journey's (from child {@code firstChild} on): a new child's timeline appears in the
     * read models only when its entry does. Source record ids from {@code firstIndex} on.
     */
    List<String> singles(int firstIndex, int firstChild, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(submission(firstIndex + i, cumulative.length + 2 + firstChild + i, Source.POLICE));
        }
        return lines;
    }

    /** The next batch, or empty when every submission has been handed out. Thread-safe. */
    synchronized Optional<Batch> nextBatch() {
        while (next < size.events()) {
            int index = next++;
            int child = feedsHotChild && index % (size.events() / HOT_ENTRIES) == 0 ? 0 : 1 + zipfRank();
            Source source = source();
            List<String> lines = pending.get(source);
            lines.add(submission(index, child, source));
            if (lines.size() == batchSize) {
                pending.put(source, new ArrayList<>(batchSize));
                return Optional.of(new Batch(source, lines));
            }
        }
        for (Source source : Source.values()) {
            List<String> lines = pending.get(source);
            if (!lines.isEmpty()) {
                pending.put(source, new ArrayList<>());
                return Optional.of(new Batch(source, lines));
            }
        }
        return Optional.empty();
    }

    private int zipfRank() {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        return found >= 0 ? found : Math.min(-found - 1, cumulative.length - 1);
    }

    private Source source() {
        double draw = random.nextDouble();
        if (draw < 0.60) {
            return Source.POLICE;
        } else if (draw < 0.75) {
            return Source.HOSPITAL;
        } else if (draw < 0.83) {
            return Source.SCHOOL_PARKSIDE;
        } else if (draw < 0.90) {
            return Source.SCHOOL_RIVERSIDE;
        }
        return Source.SOCIAL_CARE;
    }

    private String submission(int index, int child, Source source) {
        String occurredAt = "2025-%02d-%02dT%02d:%02d:00Z".formatted(1 + index % 12, 1 + index % 28, index % 24,
                index % 60);
        String head = "{\"sourceRecordId\":\"BENCH-" + run + "-" + index + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"subject\":{\"nhsNumber\":\"" + nhsNumber(child) + "\",\"givenName\":\"Fictional\","
                + "\"familyName\":\"Child" + child + "\"},";
        return head + switch (source) {
            case POLICE -> "\"type\":\"domestic-abuse-notification\",\"consent\":{\"status\":\"not-sought-prejudicial\","
                    + "\"reason\":\"Seeking consent would alert the adult\"},\"details\":{\"incidentReference\":\"INC-"
                    + index + "\",\"childPresent\":" + (index % 3 == 0) + ",\"riskLevel\":\"standard\"}}";
            case HOSPITAL -> "\"type\":\"ae-attendance\",\"details\":{\"site\":\"North General ED\","
                    + "\"presentingComplaint\":\"Fall\",\"injury\":" + (index % 2 == 0)
                    + ",\"dischargedAt\":\"" + occurredAt + "\"}}";
            case SCHOOL_PARKSIDE, SCHOOL_RIVERSIDE -> "\"type\":\"school-concern\",\"details\":{\"category\":\"neglect\","
                    + "\"description\":\"Arrived hungry again\",\"actionTaken\":\"Breakfast club\"}}";
            case SOCIAL_CARE -> "\"type\":\"contact\",\"consent\":{\"status\":\"given\"},\"details\":{"
                    + "\"reason\":\"Concerns from several agencies\",\"category\":\"neglect\"}}";
        };
    }

    /** A fictional NHS number in the 999 test range, different for every child, with a valid check digit. */
    static String nhsNumber(int child) {
        for (int candidate = child * 2; ; candidate++) {
            String digits = "999" + "%06d".formatted(candidate % 1_000_000);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits + check;
            }
        }
    }
}

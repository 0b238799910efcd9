package org.childjourney.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.childjourney.core.matching.Likeness.Verdict;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.junit.jupiter.api.Test;

/**
 * The quality of matching, measured on a generated county of fictional children with known truth: each is
 * submitted again as agencies get children wrong (a typo, names swapped, day and month swapped, a missing field, a
 * move, a nickname that sounds alike), and new children arrive who are not on the record but look like one who is
 * (twins, siblings, namesakes). Each probe is matched as the gateway matches it: the candidates sharing a blocking key,
 * the best likeness among them. Prints precision and recall (docs/matching.md records them) and fails below the
 * floors the design promises.
 */
class MatchingQualityTest {

    private static final String[] GIVEN = {"Amy", "Ben", "Chloe", "Daniel", "Ella", "Finley", "Grace", "Harry",
        "Isla", "Jack", "Kayla", "Leo", "Mia", "Noah", "Olivia", "Oscar", "Poppy", "Riley", "Sophie", "Theo", "Zara",
        "Aaron", "Bella", "Caleb", "Daisy", "Ethan", "Freya", "George", "Hannah", "Isaac", "Jasmine", "Kai", "Lily",
        "Mason", "Nina", "Owen", "Phoebe", "Ruby", "Sam", "Tia"};
    private static final String[] FAMILY = {"Example", "Sample", "Fictional", "Placeholder", "Specimen", "Testcase",
        "Mockford", "Dummett", "Fakeham", "Notreal", "Madeup", "Pretendale", "Imagin", "Inventry", "Storyby",
        "Fabley", "Notional", "Nominal", "Hypothet", "Invented", "Dreamwell", "Fancourt", "Makebelieve", "Whimsey",
        "Proxley", "Standin", "Surrogate", "Likewise", "Otherly", "Someone"};
    private static final String[] DISTRICTS = {"ZZ1", "ZZ2", "ZZ3", "ZZ4", "ZZ5", "ZZ6", "ZZ7", "ZZ8", "ZZ9",
        "ZZ10", "ZZ11", "ZZ12"};
    /** Names that sound alike, as a practitioner might write them. */
    private static final Map<String, String> SOUNDS_ALIKE = Map.of("Amy", "Aimee", "Sophie", "Sofie", "Zara",
            "Sara", "Isla", "Ayla", "Phoebe", "Feebee", "Chloe", "Khloe", "Leo", "Lio", "Kai", "Kye");

    private final Random random = new Random(20261201);
    private final List<Subject> county = new ArrayList<>();
    private final Map<String, Set<Integer>> byBlockingKey = new HashMap<>();
    private final List<Map<Feature, Set<String>>> features = new ArrayList<>();

    @Test
    void matchesTheSameChildAndNeverMergesTwoAndFindsTheRestForTheHub() {
        for (int child = 0; child < 20_000; child++) {
            record(randomChild());
        }
        Tally sameChild = new Tally();
        for (int probe = 0; probe < 4_000; probe++) {
            int truth = random.nextInt(county.size());
            Subject variant = variantOf(county.get(truth), probe % Slip.values().length);
            sameChild.add(best(variant), truth);
        }
        Tally newChildren = new Tally();
        for (int probe = 0; probe < 2_000; probe++) {
            newChildren.add(best(lookalikeOf(county.get(random.nextInt(county.size())), probe % 3)), -1);
        }

        // Two children of one name and birthday on the record, in two postcodes: a submission about one of them
        // without a postcode fits both, and is the hub's, never the first one found.
        Tally namesakes = new Tally();
        for (int pair = 0; pair < 500; pair++) {
            int truth = random.nextInt(county.size());
            Subject child = county.get(truth);
            record(child(child.givenName().value(), child.familyName().value(), child.dateOfBirth().value(),
                    "YY" + (1 + pair % 9) + " " + (1 + pair % 9) + "AB"));
            namesakes.add(best(child(child.givenName().value(), child.familyName().value(),
                    child.dateOfBirth().value(), null)), truth);
        }
        double precision = (double) sameChild.rightMatches
                / (sameChild.rightMatches + sameChild.wrongMatches + newChildren.wrongMatches);
        double recall = (double) sameChild.rightMatches / sameChild.probes;
        double foundWithTheHub = (double) (sameChild.rightMatches + sameChild.possible) / sameChild.probes;
        System.out.printf(Locale.ROOT, "MATCHING county=%d sameChildProbes=%d newChildProbes=%d%n", county.size(),
                sameChild.probes, newChildren.probes);
        System.out.printf(Locale.ROOT, "MATCHING precision=%.4f recall=%.4f recallWithHubTasks=%.4f%n", precision,
                recall, foundWithTheHub);
        System.out.printf(Locale.ROOT, "MATCHING sameChild: matched=%d wronglyMatched=%d toTheHub=%d missed=%d%n",
                sameChild.rightMatches, sameChild.wrongMatches, sameChild.possible, sameChild.missed);
        System.out.printf(Locale.ROOT, "MATCHING newChildren (twins, siblings, namesakes): mergedWithAnother=%d"
                + " toTheHub=%d new=%d%n", newChildren.wrongMatches, newChildren.possible, newChildren.missed);
        System.out.printf(Locale.ROOT, "MATCHING namesakes on the record, one submitted without a postcode:"
                + " matched=%d wronglyMatched=%d toTheHub=%d%n", namesakes.rightMatches, namesakes.wrongMatches,
                namesakes.possible + namesakes.missed);
        System.out.printf(Locale.ROOT, "MATCHING candidates compared per probe: mean=%.1f max=%d%n",
                (double) (sameChild.compared + newChildren.compared) / (sameChild.probes + newChildren.probes),
                Math.max(sameChild.mostCompared, newChildren.mostCompared));

        assertThat(newChildren.wrongMatches).as("new children merged into another child's journey").isZero();
        assertThat(namesakes.rightMatches + namesakes.wrongMatches).as("one of two namesakes picked by chance")
                .isZero();
        assertThat(sameChild.wrongMatches).as("a child's submission put on another child's journey").isZero();
        // Measured 0.554 and 1.000 (docs/matching.md): a slip in a given name, a missing name or birth date, or a
        // move away is the hub's to decide, never an automatic match.
        assertThat(recall).as("recall without the hub").isGreaterThanOrEqualTo(0.50);
        assertThat(foundWithTheHub).as("recall with the hub's tasks").isGreaterThanOrEqualTo(0.99);
    }

    private Subject randomChild() {
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        return child(GIVEN[random.nextInt(GIVEN.length)], FAMILY[random.nextInt(FAMILY.length)],
                LocalDate.of(2008, 1, 1).plusDays(random.nextInt(18 * 365)),
                district + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26)));
    }

    private void record(Subject child) {
        int id = county.size();
        county.add(child);
        ChildFeatures of = ChildFeatures.of(child, ChildFeaturesTest.DIGEST);
        Map<Feature, Set<String>> kept = new EnumMap<>(Feature.class);
        of.kept().forEach((feature, digest) -> {
            kept.computeIfAbsent(feature, absent -> new HashSet<>()).add(digest);
            if (feature == Feature.DATE_OF_BIRTH || feature.name().startsWith("BLOCK_")) {
                byBlockingKey.computeIfAbsent(digest, absent -> new HashSet<>()).add(id);
            }
        });
        features.add(kept);
    }

    /** The ways agencies get a child they know wrong. */
    private enum Slip {
        EXACT, TYPO_IN_GIVEN_NAME, TYPO_IN_FAMILY_NAME, NAMES_SWAPPED, DAY_AND_MONTH_SWAPPED, NO_DATE_OF_BIRTH,
        NO_POSTCODE, MOVED_WITHIN_DISTRICT, MOVED_AWAY, SOUNDS_ALIKE, NO_GIVEN_NAME
    }

    private Subject variantOf(Subject child, int slip) {
        String given = child.givenName().value();
        String family = child.familyName().value();
        LocalDate born = child.dateOfBirth().value();
        String postcode = child.postcode().value();
        return switch (Slip.values()[slip]) {
            case EXACT -> child;
            case TYPO_IN_GIVEN_NAME -> child(typo(given), family, born, postcode);
            case TYPO_IN_FAMILY_NAME -> child(given, typo(family), born, postcode);
            case NAMES_SWAPPED -> child(family, given, born, postcode);
            case DAY_AND_MONTH_SWAPPED -> child(given, family, born.getDayOfMonth() <= 12
                    ? LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()) : born, postcode);
            case NO_DATE_OF_BIRTH -> child(given, family, null, postcode);
            case NO_POSTCODE -> child(given, family, born, null);
            case MOVED_WITHIN_DISTRICT -> child(given, family, born, postcode.split(" ")[0] + " 9ZZ");
            case MOVED_AWAY -> child(given, family, born, "YY1 1AA");
            case SOUNDS_ALIKE -> child(SOUNDS_ALIKE.getOrDefault(given, given), family, born, postcode);
            case NO_GIVEN_NAME -> child(null, family, born, postcode);
        };
    }

    /** A new child who looks like one on the record: a twin, a younger sibling, a namesake in another district. */
    private Subject lookalikeOf(Subject child, int kind) {
        String given = child.givenName().value();
        String other = GIVEN[(List.of(GIVEN).indexOf(given) + 1 + random.nextInt(GIVEN.length - 1)) % GIVEN.length];
        return switch (kind) {
            case 0 -> child(other, child.familyName().value(), child.dateOfBirth().value(), child.postcode().value());
            case 1 -> child(other, child.familyName().value(), child.dateOfBirth().value().plusYears(2),
                    child.postcode().value());
            default -> child(given, child.familyName().value(), child.dateOfBirth().value().plusDays(40),
                    "YY9 9ZZ");
        };
    }

    /** One letter changed, as a slip of the keyboard. */
    private String typo(String name) {
        int at = 1 + random.nextInt(name.length() - 1);
        char replaced = (char) ('a' + (name.charAt(at) - 'a' + 1 + random.nextInt(24)) % 26);
        return name.substring(0, at) + replaced + name.substring(at + 1);
    }

    /** The outcome for a probe, as the gateway decides it among the candidates sharing a blocking key. */
    private Best best(Subject probe) {
        ChildFeatures of = ChildFeatures.of(probe, ChildFeaturesTest.DIGEST);
        Set<Integer> candidates = new HashSet<>();
        of.blockingKeys().forEach(key -> candidates.addAll(byBlockingKey.getOrDefault(key, Set.of())));
        Map<Integer, Likeness> alike = new HashMap<>();
        candidates.forEach(candidate -> alike.put(candidate, of.likeness(features.get(candidate))));
        Matching.Outcome<Integer> outcome = Matching.decide(alike, Comparator.naturalOrder());
        return outcome.sameChild() != null
                ? new Best(outcome.sameChild(), Verdict.SAME_CHILD, candidates.size())
                : outcome.doubt() != null ? new Best(outcome.doubt(), Verdict.POSSIBLE_DUPLICATE, candidates.size())
                : new Best(-1, Verdict.DIFFERENT_CHILD, candidates.size());
    }

    private record Best(int candidate, Verdict verdict, int compared) {
    }

    /** What became of the probes of one kind. */
    private static final class Tally {

        private int probes;
        private int rightMatches;
        private int wrongMatches;
        private int possible;
        private int missed;
        private long compared;
        private int mostCompared;

        void add(Best best, int truth) {
            probes++;
            compared += best.compared;
            mostCompared = Math.max(mostCompared, best.compared);
            switch (best.verdict) {
                case SAME_CHILD -> {
                    if (best.candidate == truth) {
                        rightMatches++;
                    } else {
                        wrongMatches++;
                    }
                }
                case POSSIBLE_DUPLICATE -> {
                    // For a child the record holds, only a task naming that child's journey finds them.
                    if (truth < 0 || best.candidate == truth) {
                        possible++;
                    } else {
                        missed++;
                    }
                }
                case DIFFERENT_CHILD -> missed++;
            }
        }
    }

    private static Subject child(String given, String family, LocalDate born, String postcode) {
        return new Subject(null, null, Sensitive.ofNullable(given), Sensitive.ofNullable(family),
                Sensitive.ofNullable(born), Sensitive.ofNullable(postcode));
    }
}

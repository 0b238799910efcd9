package org.childjourney.core.matching;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.childjourney.core.person.KeyedDigest;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The demographic features of the child one submission names, each as a keyed digest ({@link Feature}): what a journey
 * keeps of it ({@link #kept}), the keys candidates are looked up by ({@link #blockingKeys}), and how alike a
 * journey's child is ({@link #likeness}). The clear values live only while this is built.
 */
public final class ChildFeatures {

    /** At or above, with the same given name and no feature that differs: the same child. */
    public static final double SAME_CHILD = 10.5;
    /** At or above, below {@link #SAME_CHILD}: a possible duplicate, for the hub. */
    public static final double POSSIBLE_DUPLICATE = 5;

    private static final DoubleMetaphone SOUND = new DoubleMetaphone();

    private final Map<Feature, String> kept = new EnumMap<>(Feature.class);
    /** The digests that would show a slip in the submission: names swapped, day and month of birth swapped. */
    private final Map<Feature, String> swapped = new EnumMap<>(Feature.class);

    private ChildFeatures() {
    }

    public static ChildFeatures of(Subject subject, KeyedDigest digest) {
        ChildFeatures features = new ChildFeatures();
        String given = firstName(subject.givenName());
        String family = name(subject.familyName());
        LocalDate born = subject.dateOfBirth() == null ? null : subject.dateOfBirth().value();
        String postcode = postcode(subject.postcode());
        String district = postcode == null || postcode.length() < 5 ? null
                : postcode.substring(0, postcode.length() - 3);
        features.put(digest, Feature.GIVEN_NAME, given);
        features.put(digest, Feature.FAMILY_NAME, family);
        features.put(digest, Feature.GIVEN_NAME_SOUND, sound(given));
        features.put(digest, Feature.FAMILY_NAME_SOUND, sound(family));
        features.put(digest, Feature.DATE_OF_BIRTH, born == null ? null : born.toString());
        features.put(digest, Feature.MONTH_OF_BIRTH, born == null ? null : born.toString().substring(0, 7));
        features.put(digest, Feature.POSTCODE, postcode);
        features.put(digest, Feature.POSTCODE_DISTRICT, district);
        features.put(digest, Feature.NHS_NUMBER, subject.nhsNumber() == null ? null : subject.nhsNumber().digits());
        String familySound = sound(family);
        String givenSound = sound(given);
        features.put(digest, Feature.BLOCK_FAMILY_YEAR, familySound == null || born == null ? null
                : familySound + "/" + born.getYear());
        features.put(digest, Feature.BLOCK_GIVEN_DISTRICT, givenSound == null || district == null ? null
                : givenSound + "/" + district);
        if (given != null && family != null && !given.equals(family)) {
            features.swapped.put(Feature.GIVEN_NAME, digest.ofFeature(Feature.GIVEN_NAME.name(), family));
            features.swapped.put(Feature.FAMILY_NAME, digest.ofFeature(Feature.FAMILY_NAME.name(), given));
        }
        LocalDate swappedBirth = swapDayAndMonth(born);
        if (swappedBirth != null) {
            features.swapped.put(Feature.DATE_OF_BIRTH,
                    digest.ofFeature(Feature.DATE_OF_BIRTH.name(), swappedBirth.toString()));
        }
        return features;
    }

    /** What a journey keeps of this child: each feature the submission gave, digested. */
    public Map<Feature, String> kept() {
        return Map.copyOf(kept);
    }

    /**
     * The digest of this description of the child as a whole (its features together): a journey keeps each
     * description apart, so that one submission's name is never compared with another's birthday.
     */
    public String description(KeyedDigest digest) {
        return digest.ofFeature("DESCRIPTION", new TreeMap<>(kept).toString());
    }

    /** Whether the submission names anything to match on beyond an NHS number. */
    public boolean hasDemographics() {
        return kept.keySet().stream().anyMatch(feature -> feature != Feature.NHS_NUMBER);
    }

    /**
     * The digests candidates are found by: a journey sharing one is compared. The date of birth (also with day and
     * month swapped), the family name's sound with the year of birth, the given name's sound with the district.
     */
    public List<String> blockingKeys() {
        List<String> keys = new ArrayList<>();
        for (Feature block : List.of(Feature.DATE_OF_BIRTH, Feature.BLOCK_FAMILY_YEAR, Feature.BLOCK_GIVEN_DISTRICT)) {
            if (kept.containsKey(block)) {
                keys.add(kept.get(block));
            }
        }
        if (swapped.containsKey(Feature.DATE_OF_BIRTH)) {
            keys.add(swapped.get(Feature.DATE_OF_BIRTH));
        }
        return keys;
    }

    /**
     * How alike this child and a description of a journey's child are (one value of each feature it has; a set with
     * several is alike where any one is). A feature either side lacks counts neither way; two NHS numbers that differ
     * are two children.
     */
    public Likeness likeness(Map<Feature, Set<String>> journey) {
        if (kept.containsKey(Feature.NHS_NUMBER) && !journey.getOrDefault(Feature.NHS_NUMBER, Set.of()).isEmpty()
                && !agrees(journey, Feature.NHS_NUMBER)) {
            return new Likeness(Double.NEGATIVE_INFINITY, Likeness.Verdict.DIFFERENT_CHILD,
                    List.of("different NHS numbers"));
        }
        Score score = new Score();
        if (compared(journey, Feature.DATE_OF_BIRTH)) {
            if (agrees(journey, Feature.DATE_OF_BIRTH)) {
                score.add(5, "same date of birth");
            } else if (journey.get(Feature.DATE_OF_BIRTH).contains(swapped.get(Feature.DATE_OF_BIRTH))) {
                score.add(3, "same date of birth with day and month swapped");
            } else if (agrees(journey, Feature.MONTH_OF_BIRTH)) {
                score.add(1, "born in the same month, on another day");
            } else {
                score.disagree(-5, "different date of birth");
            }
        }
        boolean namesSwapped = swapped.containsKey(Feature.GIVEN_NAME) && !agrees(journey, Feature.GIVEN_NAME)
                && journey.getOrDefault(Feature.GIVEN_NAME, Set.of()).contains(swapped.get(Feature.GIVEN_NAME))
                && journey.getOrDefault(Feature.FAMILY_NAME, Set.of()).contains(swapped.get(Feature.FAMILY_NAME));
        if (namesSwapped) {
            score.add(7, "same names, given and family swapped");
        } else {
            name(journey, score, Feature.GIVEN_NAME, Feature.GIVEN_NAME_SOUND, 4, 2.5, -4, "given name");
            name(journey, score, Feature.FAMILY_NAME, Feature.FAMILY_NAME_SOUND, 3, 2, -2, "family name");
        }
        if (compared(journey, Feature.POSTCODE)) {
            if (agrees(journey, Feature.POSTCODE)) {
                score.add(2, "same postcode");
            } else if (agrees(journey, Feature.POSTCODE_DISTRICT)) {
                score.add(1, "same postcode district");
            } else {
                score.disagree(0, "different postcode");
            }
        }
        // A twin differs from the child in given name alone, and a name that sounds alike may be a twin's; a child
        // with the same name and birthday elsewhere may be another child. The same child only with the same given
        // name (or the names swapped) and nothing that differs; else the hub decides.
        boolean givenNameAgrees = namesSwapped || agrees(journey, Feature.GIVEN_NAME);
        Likeness.Verdict verdict = score.value >= SAME_CHILD && givenNameAgrees && score.disagreements == 0
                ? Likeness.Verdict.SAME_CHILD
                : score.value >= POSSIBLE_DUPLICATE ? Likeness.Verdict.POSSIBLE_DUPLICATE
                : Likeness.Verdict.DIFFERENT_CHILD;
        return new Likeness(score.value, verdict, score.reasons);
    }

    private void name(Map<Feature, Set<String>> journey, Score score, Feature exact, Feature sound, double same,
            double alike, double different, String what) {
        if (!compared(journey, exact)) {
            return;
        }
        if (agrees(journey, exact)) {
            score.add(same, "same " + what);
        } else if (agrees(journey, sound)) {
            score.add(alike, what + "s sound alike");
        } else {
            score.disagree(different, "different " + what);
        }
    }

    /** Whether both sides have this feature. */
    private boolean compared(Map<Feature, Set<String>> journey, Feature feature) {
        return kept.containsKey(feature) && !journey.getOrDefault(feature, Set.of()).isEmpty();
    }

    private boolean agrees(Map<Feature, Set<String>> journey, Feature feature) {
        return kept.containsKey(feature) && journey.getOrDefault(feature, Set.of()).contains(kept.get(feature));
    }

    private void put(KeyedDigest digest, Feature feature, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            kept.put(feature, digest.ofFeature(feature.name(), value));
        }
    }

    /** The first of the given names: "Amy Louise" is matched as Amy. */
    private static @Nullable String firstName(@Nullable Sensitive<String> given) {
        String name = given == null ? null : Normalizer.normalize(given.value(), Normalizer.Form.NFD).trim();
        return name == null || name.isEmpty() ? null : name(Sensitive.of(name.split("\\s+")[0]));
    }

    /** A name in lower-case letters only: accents, spaces, hyphens and apostrophes go. */
    private static @Nullable String name(@Nullable Sensitive<String> name) {
        if (name == null) {
            return null;
        }
        String letters = Normalizer.normalize(name.value(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return letters.isEmpty() ? null : letters;
    }

    /** How a name sounds; none for a name Double Metaphone gives no code. */
    private static @Nullable String sound(@Nullable String name) {
        String code = name == null ? null : SOUND.doubleMetaphone(name);
        return code == null || code.isEmpty() ? null : code;
    }

    private static @Nullable String postcode(@Nullable Sensitive<String> postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.value().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return compact.isEmpty() ? null : compact;
    }

    /** The date with day and month swapped, where that is another date. */
    private static @Nullable LocalDate swapDayAndMonth(@Nullable LocalDate born) {
        if (born == null || born.getDayOfMonth() > 12 || born.getDayOfMonth() == born.getMonthValue()) {
            return null;
        }
        try {
            return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** A running score and its reasons. */
    private static final class Score {

        private double value;
        private int disagreements;
        private final List<String> reasons = new ArrayList<>();

        void add(double weight, String reason) {
            value += weight;
            reasons.add(reason);
        }

        /** A feature both sides have, that differs. */
        void disagree(double weight, String reason) {
            add(weight, reason);
            disagreements++;
        }
    }

    @Override
    public String toString() {
        return "ChildFeatures[***]";
    }
}

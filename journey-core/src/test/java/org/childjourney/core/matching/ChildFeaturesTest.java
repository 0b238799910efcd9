package org.childjourney.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.childjourney.core.matching.Likeness.Verdict;
import org.childjourney.core.person.KeyedDigest;
import org.childjourney.core.person.NhsNumber;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.junit.jupiter.api.Test;

class ChildFeaturesTest {

    static final KeyedDigest DIGEST = new KeyedDigest("fictional-test-key-of-at-least-32-bytes".getBytes(
            StandardCharsets.UTF_8));

    @Test
    void theSameChildWithSwappedNamesOrSwappedDayAndMonthIsTheSameChildAndASoundAlikeNameIsForTheHub() {
        Map<Feature, Set<String>> amy = journeyOf(child("Amy", "Example", "2016-04-02", "CB1 2AB"));

        assertThat(likeness(child("Amy", "Example", "2016-04-02", "CB1 2AB"), amy).verdict())
                .isEqualTo(Verdict.SAME_CHILD);
        Likeness soundsAlike = likeness(child("Aimee", "Example", "2016-04-02", "CB1 2AB"), amy);
        assertThat(soundsAlike.reasons()).containsExactly("same date of birth", "given names sound alike",
                "same family name", "same postcode");
        assertThat(soundsAlike.verdict()).as("Aimee may be Amy's twin: the hub decides")
                .isEqualTo(Verdict.POSSIBLE_DUPLICATE);
        assertThat(likeness(child("Example", "Amy", "2016-04-02", "CB1 2AB"), amy).verdict())
                .isEqualTo(Verdict.SAME_CHILD);
        assertThat(likeness(child("Amy", "Example", "2016-02-04", "CB1 2AB"), amy).reasons())
                .contains("same date of birth with day and month swapped");
        assertThat(likeness(child("amy", "EXAMPLE", "2016-04-02", "cb12ab"), amy).score())
                .as("case, spaces and accents do not count").isEqualTo(14);
    }

    @Test
    void aTwinIsAPossibleDuplicateForTheHubNeverTheSameChild() {
        Map<Feature, Set<String>> amy = journeyOf(child("Amy", "Example", "2016-04-02", "CB1 2AB"));

        Likeness twin = likeness(child("Zoe", "Example", "2016-04-02", "CB1 2AB"), amy);

        assertThat(twin.verdict()).isEqualTo(Verdict.POSSIBLE_DUPLICATE);
        assertThat(twin.reasons()).containsExactly("same date of birth", "different given name", "same family name",
                "same postcode");
    }

    @Test
    void aSiblingOrAChildWithAnotherNhsNumberIsAnotherChild() {
        Subject amy = child("Amy", "Example", "2016-04-02", "CB1 2AB");
        Map<Feature, Set<String>> journey = journeyOf(new Subject(NhsNumber.of("9990000018"), null,
                amy.givenName(), amy.familyName(), amy.dateOfBirth(), amy.postcode()));

        assertThat(likeness(child("Ben", "Example", "2018-09-30", "CB1 2AB"), journey).verdict())
                .isEqualTo(Verdict.DIFFERENT_CHILD);
        assertThat(likeness(new Subject(NhsNumber.of("9990000026"), null, amy.givenName(), amy.familyName(),
                amy.dateOfBirth(), amy.postcode()), journey).reasons()).containsExactly("different NHS numbers");
    }

    @Test
    void candidatesAreFoundByADateOfBirthEvenSwappedOrByNamesSoundsWithYearOrDistrict() {
        Map<Feature, String> kept = ChildFeatures.of(child("Amy", "Example", "2016-04-02", "CB1 2AB"), DIGEST)
                .kept();

        assertThat(ChildFeatures.of(child("Amy", "Example", "2016-02-04", null), DIGEST).blockingKeys())
                .contains(kept.get(Feature.DATE_OF_BIRTH));
        assertThat(ChildFeatures.of(child("Amie", "Exampel", "2016-09-09", null), DIGEST).blockingKeys())
                .contains(kept.get(Feature.BLOCK_FAMILY_YEAR));
        assertThat(ChildFeatures.of(child("Aimee", "Smith", "2015-01-01", "CB1 9ZZ"), DIGEST).blockingKeys())
                .contains(kept.get(Feature.BLOCK_GIVEN_DISTRICT));
        assertThat(kept.values()).as("digests only").allMatch(value -> value.matches("[0-9a-f]{64}"));
        assertThat(ChildFeatures.of(child("Amy", "Example", "2016-04-02", "CB1 2AB"), DIGEST).toString())
                .doesNotContain("Amy");
    }

    static Subject child(String given, String family, String born, String postcode) {
        return new Subject(null, null, Sensitive.ofNullable(given), Sensitive.ofNullable(family),
                Sensitive.ofNullable(born == null ? null : LocalDate.parse(born)), Sensitive.ofNullable(postcode));
    }

    static Map<Feature, Set<String>> journeyOf(Subject... subjects) {
        Map<Feature, Set<String>> journey = new EnumMap<>(Feature.class);
        for (Subject subject : subjects) {
            ChildFeatures.of(subject, DIGEST).kept().forEach((feature, digest) ->
                    journey.computeIfAbsent(feature, absent -> new HashSet<>()).add(digest));
        }
        return journey;
    }

    static Likeness likeness(Subject subject, Map<Feature, Set<String>> journey) {
        return ChildFeatures.of(subject, DIGEST).likeness(journey);
    }
}

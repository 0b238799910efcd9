package org.childjourney.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.bson.Document;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.JourneyFixtures;
import org.childjourney.core.journey.event.JourneyEntry;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry type reads on the timeline from its record: its details in the contract's names and forms (what the
 * agency sent, and the entries it refers to by id), and a one-line summary that never names the child.
 */
class EntryRenderingTest {

    static Stream<Named<JourneyEntry>> examples() {
        return JourneyFixtures.everyEvent().stream().filter(JourneyEntry.class::isInstance)
                .map(JourneyEntry.class::cast).map(entry -> Named.of(EntryType.of(entry).wireName(), entry));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void showsEachTypesDetailsAsTheContractWritesThem(JourneyEntry example) {
        Document details = EntryRendering.details(example);

        for (EntryField field : EntryField.of(example.getClass())) {
            Object value = field.valueIn(example);
            if (field.role() == EntryField.Role.IN_TARGETS_SHAPE || value == null) {
                assertThat(details).as(field.name()).doesNotContainKey(field.wireName());
            } else {
                assertThat(details.get(field.wireName())).as(field.name()).isEqualTo(field.toWire(value));
            }
        }
        assertThat(details.keySet()).allSatisfy(name -> assertThat(name).matches("[a-z][A-Za-z0-9]*"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void summarisesEachEntryWithoutTheChild(JourneyEntry example) {
        assertThat(example.summary()).isNotBlank().doesNotContain(JourneyFixtures.personalData());
    }
}

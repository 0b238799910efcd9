package org.childjourney.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A personal value: printed as {@code ***}, stored as itself. */
class SensitiveTest {

    private static final LocalDate AMYS_BIRTHDAY = LocalDate.of(2016, 5, 4);

    private final ObjectMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** A record holding a personal date, as events do. */
    record Birth(Sensitive<LocalDate> dateOfBirth, Sensitive<String> givenName) {
    }

    @Test
    void printsThreeStarsWhateverItHolds() {
        assertThat(Sensitive.of("Amy Example")).hasToString("***");
        assertThat(Sensitive.of(AMYS_BIRTHDAY)).hasToString("***");
        assertThat(new Birth(Sensitive.of(AMYS_BIRTHDAY), Sensitive.of("Amy")).toString())
                .doesNotContain("2016")
                .doesNotContain("Amy");
    }

    @Test
    void equalsAnotherHoldingTheSameValue() {
        assertThat(Sensitive.of("Amy"))
                .isEqualTo(Sensitive.of("Amy"))
                .hasSameHashCodeAs(Sensitive.of("Amy"))
                .isNotEqualTo(Sensitive.of("Ann"));
        assertThat(Sensitive.of("Amy").value()).isEqualTo("Amy");
    }

    @Test
    void refusesToWrapNothingUnlessAskedToAllowIt() {
        assertThatNullPointerException().isThrownBy(() -> Sensitive.of(null));
        assertThat(Sensitive.ofNullable(null)).isNull();
        assertThat(Sensitive.ofNullable("Amy")).isEqualTo(Sensitive.of("Amy"));
    }

    @Test
    void storesThePlainValueAndReadsItBack() throws Exception {
        assertThat(json.writeValueAsString(Sensitive.of("Amy Example"))).isEqualTo("\"Amy Example\"");
        assertThat(json.readValue("\"Amy Example\"", new TypeReference<Sensitive<String>>() { }))
                .isEqualTo(Sensitive.of("Amy Example"));
    }

    @Test
    void storesADateInsideARecordAsAnIsoDateAndReadsItBackAsADate() throws Exception {
        Birth birth = new Birth(Sensitive.of(AMYS_BIRTHDAY), Sensitive.of("Amy"));

        String stored = json.writeValueAsString(birth);
        Birth read = json.readValue(stored, Birth.class);

        assertThat(stored).isEqualTo("{\"dateOfBirth\":\"2016-05-04\",\"givenName\":\"Amy\"}");
        assertThat(read).isEqualTo(birth);
        assertThat(read.dateOfBirth().value()).isInstanceOf(LocalDate.class);
    }

    @Test
    void readsPersonalValuesInsideCollections() throws Exception {
        List<Sensitive<LocalDate>> dates = json.readValue("[\"2016-05-04\"]",
                new TypeReference<List<Sensitive<LocalDate>>>() { });

        assertThat(dates).containsExactly(Sensitive.of(AMYS_BIRTHDAY));
    }
}

package org.childjourney.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** NHS numbers: ten digits with a modulus 11 check digit, never repeated in a message or a log line. */
class NhsNumberTest {

    @ParameterizedTest(name = "\"{0}\" is read as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # written as       | read as
            9434765919         | 9434765919
            4010232137         | 4010232137
            943 476 5919       | 9434765919
            9434765900         | 9434765900
            """)
    void acceptsTenDigitsWithTheRightCheckDigit(String written, String digits) {
        assertThat(NhsNumber.isValid(digits)).isTrue();
        assertThat(NhsNumber.of(written).digits()).isEqualTo(digits);
    }

    @Test
    void treatsTheSpacedAndUnspacedFormsAsTheSameChild() {
        assertThat(NhsNumber.of("943 476 5919"))
                .isEqualTo(NhsNumber.of("9434765919"))
                .hasSameHashCodeAs(NhsNumber.of("9434765919"))
                .isNotEqualTo(NhsNumber.of("4010232137"));
    }

    @ParameterizedTest(name = "refuses {1}: \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            # written as         | why it is not an NHS number
            9434765918           | wrong check digit
            4010232138           | wrong check digit
            1234567890           | check digit would be 10, so never issued
            9434765960           | check digit would be 10, so never issued
            943476591            | nine digits
            94347659190          | eleven digits
            94347A5919           | a letter among the digits
            943-476-5919         | hyphens instead of spaces
            9\uFF14347659\uFF119 | full-width digits that fool the check-digit sum
            """)
    void refusesAnythingElse(String written, String why) {
        assertThat(NhsNumber.isValid(written.replace(" ", ""))).as(why).isFalse();
        assertThatIllegalArgumentException().as(why).isThrownBy(() -> NhsNumber.of(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943 476 5918", "943476591", "94347A5919", "1234567890"})
    void neverRepeatsTheRefusedNumberInTheMessage(String written) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NhsNumber.of(written))
                .satisfies(refusal -> assertThat(refusal.getMessage())
                        .doesNotContain(written)
                        .doesNotContain(written.replace(" ", ""))
                        .doesNotContainPattern("\\d{3,}"));
    }

    @Test
    void printsNoDigits() {
        assertThat(NhsNumber.of("943 476 5919").toString())
                .doesNotContain("9434765919")
                .doesNotContain("943 476 5919")
                .doesNotContainPattern("\\d{3,}");
    }
}

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
            9990000018         | 9990000018
            9990000026         | 9990000026
            999 000 0018       | 9990000018
            9990000050         | 9990000050
            """)
    void acceptsTenDigitsWithTheRightCheckDigit(String written, String digits) {
        assertThat(NhsNumber.isValid(digits)).isTrue();
        assertThat(NhsNumber.of(written).digits()).isEqualTo(digits);
    }

    @Test
    void treatsTheSpacedAndUnspacedFormsAsTheSameChild() {
        assertThat(NhsNumber.of("999 000 0018"))
                .isEqualTo(NhsNumber.of("9990000018"))
                .hasSameHashCodeAs(NhsNumber.of("9990000018"))
                .isNotEqualTo(NhsNumber.of("9990000026"));
    }

    @ParameterizedTest(name = "refuses {1}: \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            # written as         | why it is not an NHS number
            9990000019           | wrong check digit
            9990000027           | wrong check digit
            1234567890           | check digit would be 10, so never issued
            9990000140           | check digit would be 10, so never issued
            999000001            | nine digits
            99900000180          | eleven digits
            99900A0018           | a letter among the digits
            999-000-0018         | hyphens instead of spaces
            9\uFF19900000\uFF118 | full-width digits that fool the check-digit sum
            """)
    void refusesAnythingElse(String written, String why) {
        assertThat(NhsNumber.isValid(written.replace(" ", ""))).as(why).isFalse();
        assertThatIllegalArgumentException().as(why).isThrownBy(() -> NhsNumber.of(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9990000019", "999 000 0019", "999000001", "99900A0018", "1234567890"})
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
        assertThat(NhsNumber.of("999 000 0018").toString())
                .doesNotContain("9990000018")
                .doesNotContain("943 476 5919")
                .doesNotContainPattern("\\d{3,}");
    }
}

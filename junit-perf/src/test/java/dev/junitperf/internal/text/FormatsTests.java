package dev.junitperf.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTests {

    @Test
    void durationsAreWrittenInTheUnitThatSuitsThemWithThreeSignificantDigits() {
        assertThat(Formats.millis(0.000048)).isEqualTo("48.0 ns");
        assertThat(Formats.millis(0.00162)).isEqualTo("1.62 µs");
        assertThat(Formats.millis(0.0400)).isEqualTo("40.0 µs");
        assertThat(Formats.millis(0.215)).isEqualTo("215 µs");
        assertThat(Formats.millis(9)).isEqualTo("9.00 ms");
        assertThat(Formats.millis(1_200)).isEqualTo("1.20 s");
        assertThat(Formats.millis(7_200_000)).isEqualTo("7,200 s");
        assertThat(Formats.millis(0)).isEqualTo("0 ns");
    }

    @Test
    void countsHaveThousandsSeparators() {
        for (long n : new long[] {0, 7, 999, 1_000, -1_000, 12_345, 999_999, 1_000_000, -123_456_789, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Formats.count(n)).as("%d", n).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void theUnitIsChosenAfterRounding() {
        assertThat(Formats.nanos(999.7)).isEqualTo("1.00 µs");
        assertThat(Formats.nanos(999_600)).isEqualTo("1.00 ms");
        assertThat(Formats.nanos(999.4)).isEqualTo("999 ns");
    }

    @Test
    void aRangeSharesItsUnitWhenBothEndsSuitIt() {
        assertThat(Formats.millisRange(0.201, 0.226)).isEqualTo("201–226 µs");
        assertThat(Formats.millisRange(0.980, 1.02)).isEqualTo("980 µs–1.02 ms");
        assertThat(Formats.millisRange(1.43, 4.24)).isEqualTo("1.43–4.24 ms");
    }
}

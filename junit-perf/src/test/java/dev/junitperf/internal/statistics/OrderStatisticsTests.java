package dev.junitperf.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderStatisticsTests {

    @ParameterizedTest
    @CsvSource({"0.5, 5", "0.9, 29", "0.99, 299", "0.999, 2995"})
    void requiredSamplesIsTheSmallestNWhoseMaximumBoundsTheQuantile(double q, long expected) {
        long n = OrderStatistics.requiredSamples(q);

        assertThat(n).isEqualTo(expected);
        assertThat(1 - Math.pow(q, n)).isGreaterThanOrEqualTo(0.95);
        assertThat(1 - Math.pow(q, n - 1)).isLessThan(0.95);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1000", "0.9, 1000", "0.99, 1000", "0.99, 20000", "0.999, 5000", "0.5, 200000", "0.99, 200000"})
    void ranksCoverAtLeastNinetyFivePercentOfTheBinomialMass(double q, int n) {
        long[] ranks = OrderStatistics.confidenceRanks(n, q);

        assertThat(ranks[0]).isBetween(1L, (long) n);
        assertThat(ranks[1]).isBetween(ranks[0], (long) n);
        assertThat(ranks[0]).isLessThanOrEqualTo((long) Math.ceil(q * n));
        assertThat(ranks[1]).isGreaterThanOrEqualTo((long) Math.ceil(q * n));
        // The interval is not absurdly wide: within 5 standard deviations of the binomial.
        double sd = Math.sqrt(n * q * (1 - q));
        assertThat(ranks[1] - ranks[0]).isLessThan((long) (10 * sd) + 3);
    }

    @Test
    void intervalContainsTheTrueQuantileAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(42);
        int trials = 2_000;
        int n = 1_000;
        double q = 0.99;
        double trueQuantile = q;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] sample = random.doubles(n).toArray();
            Arrays.sort(sample);
            long[] ranks = OrderStatistics.confidenceRanks(n, q);
            if (sample[(int) ranks[0] - 1] <= trueQuantile && trueQuantile <= sample[(int) ranks[1] - 1]) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.94, 0.995);
    }

    @Test
    void noSamplesGiveNoRanks() {
        assertThat(OrderStatistics.confidenceRanks(0, 0.99)).containsExactly(0, 0);
    }
}

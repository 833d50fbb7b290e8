package dev.junitperf.internal.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.junitperf.LatencyDistribution;

class RegressionCheckTests {

    private static final int SAMPLES = 20_000;

    @Test
    void twentyPercentShiftIsAFailingRegressionOfEveryFigure() {
        List<RegressionCheck.Change> changes = RegressionCheck.compare(lognormal(1, 1.00), lognormal(2, 1.20), 5, 10);

        assertThat(changes).extracting(RegressionCheck.Change::figure).containsExactly("p50", "p99", "mean");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(RegressionCheck.Status.FAIL);
            assertThat(c.changePct()).isBetween(12.0, 28.0);
            assertThat(c.lowerPct()).isPositive().isLessThanOrEqualTo(c.changePct());
            assertThat(c.upperPct()).isGreaterThanOrEqualTo(c.changePct());
        });
        assertThat(changes.get(0).message(10))
                .matches("p50 regressed by \\+[0-9.]+ % \\(95% CI \\+[0-9.]+ … \\+[0-9.]+ %\\): baseline [0-9.,]+ (ns|µs|ms|s) → current [0-9.,]+ (ns|µs|ms|s) \\(threshold 10.0 %\\)");
    }

    @Test
    void twoPercentNoiseIsNotFlagged() {
        List<RegressionCheck.Change> changes = RegressionCheck.compare(lognormal(3, 1.00), lognormal(4, 1.02), 5, 10);

        assertThat(changes).extracting(RegressionCheck.Change::status).containsOnly(RegressionCheck.Status.OK);
    }

    @Test
    void sameDistributionFromAnotherSeedIsNotFlagged() {
        List<RegressionCheck.Change> changes = RegressionCheck.compare(lognormal(5, 1.00), lognormal(6, 1.00), 5, 10);

        assertThat(changes).extracting(RegressionCheck.Change::status).containsOnly(RegressionCheck.Status.OK);
    }

    @Test
    void sevenPercentShiftWarnsOnTheMedian() {
        List<RegressionCheck.Change> changes = RegressionCheck.compare(lognormal(7, 1.00), lognormal(8, 1.07), 5, 10);

        assertThat(changes.get(0).status()).isEqualTo(RegressionCheck.Status.WARN);
    }

    @Test
    void improvementIsNeverARegression() {
        List<RegressionCheck.Change> changes = RegressionCheck.compare(lognormal(9, 1.00), lognormal(10, 0.70), 5, 10);

        assertThat(changes).extracting(RegressionCheck.Change::status).containsOnly(RegressionCheck.Status.OK);
        assertThat(changes.get(0).changePct()).isNegative();
    }

    /** Latencies around 100 µs with a long tail, scaled by {@code factor}. */
    private static LatencyDistribution lognormal(long seed, double factor) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < SAMPLES; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            h.recordValue((long) (100_000 * factor * Math.exp(0.25 * gaussian)));
        }
        return new LatencyDistribution(h, SAMPLES);
    }
}

package dev.junitperf.internal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * How warmup's timing-cost probe judges its pairs of chunks: a cost only when the pairs show one clearly.
 *
 * <p>The pairs here are the shapes the probe met on this machine class: a ~90 ns hash lookup whose batches of 33 read
 * 4–6 % above batches of ~600 in every pair, a compute-bound body whose pairs differ by about 1 % either way, and an
 * empty body whose batches differ by a fraction of a nanosecond.
 */
class TimingCostJudgeTests {

    private static final long RESOLUTION = 16;

    @Test
    void aClearDifferenceBecomesTheCostPerTimingThatExplainsIt() {
        // Batches of 33 read 4 ns above batches of 660 on a 90 ns body: c = d·k·K / (K − k) = 4 · 33 · 660 / 627.
        Sampler.TimingCost cost = Sampler.TimingCost.judge(33, 660, filled(12, 4.0), filled(12, 90.0), RESOLUTION);

        assertThat(cost).isNotNull();
        assertThat(cost.costNanos()).isEqualTo(Math.round(4.0 * 33 * 660 / 627));
        assertThat(cost.batchMeanNanos()).isEqualTo(94.0);
        assertThat(cost.referenceMeanNanos()).isEqualTo(90.0);
        assertThat(cost.agreeing()).isEqualTo(12);
    }

    @Test
    void aNegativeClearDifferenceIsKeptToo() {
        Sampler.TimingCost cost = Sampler.TimingCost.judge(33, 660, filled(12, -4.0), filled(12, 90.0), RESOLUTION);

        assertThat(cost).isNotNull();
        assertThat(cost.costNanos()).isNegative();
    }

    @Test
    void pairsThatDisagreeOnTheSignGiveNoCost() {
        // Eight of twelve say +4 ns, four say -4 ns: the median is +4 ns, but fewer than three pairs in four agree.
        double[] differences = {4, 4, -4, 4, 4, -4, 4, 4, -4, 4, 4, -4};

        assertThat(Sampler.TimingCost.judge(33, 660, differences, filled(12, 90.0), RESOLUTION)).isNull();
        differences[2] = 4;
        assertThat(Sampler.TimingCost.judge(33, 660, differences, filled(12, 90.0), RESOLUTION)).isNotNull();
    }

    @Test
    void aDifferenceUnderThreePercentOfTheMeanGivesNoCost() {
        // A compute-bound body: 1 % in every pair, agreeing, but not enough to correct.
        assertThat(Sampler.TimingCost.judge(33, 250, filled(12, 2.0), filled(12, 200.0), RESOLUTION)).isNull();
        assertThat(Sampler.TimingCost.judge(33, 250, filled(12, 7.0), filled(12, 200.0), RESOLUTION)).isNotNull();
    }

    @Test
    void aCostWithinTheTimersResolutionOrABodyUnderThreeNanosecondsGivesNoCost() {
        // 0.3 ns at batches of 33 against 1,000: 10 ns a timing, under a 16 ns resolution.
        assertThat(Sampler.TimingCost.judge(33, 1_000, filled(12, 0.3), filled(12, 8.0), RESOLUTION)).isNull();
        // An empty body: 0.5 ns of 0.7 ns agrees and is far over 3 %, and 17 ns a timing is over the resolution.
        assertThat(Sampler.TimingCost.judge(33, 1_000, filled(12, 0.53), filled(12, 0.7), RESOLUTION)).isNull();
        assertThat(Sampler.TimingCost.judge(33, 1_000, filled(12, 0.53), filled(12, 3.0), RESOLUTION)).isNotNull();
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }
}

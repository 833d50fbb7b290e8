package dev.junitperf.internal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.junitperf.Perf;
import dev.junitperf.PerfClock;
import dev.junitperf.PerfResult;
import dev.junitperf.internal.config.PerfSettings;

class BatchingTests {

    @Test
    void subMicrosecondBodyIsTimedInBatchesAndEveryInvocationIsCounted() {
        PerfResult result = Perf.measure(ctx -> ctx.sink(ctx.invocation())).warmupMs(100).iterations(200_000).run();

        assertThat(result.batchSize()).isGreaterThan(1).isLessThanOrEqualTo(BatchPolicy.MAX_BATCH);
        assertThat(result.invocations()).isEqualTo(200_000);
        assertThat(result.histogram().getTotalCount()).isEqualTo(200_000);
        assertThat(result.latency().samples()).isGreaterThanOrEqualTo(PerfSettings.DEFAULT_MIN_TIMINGS).isLessThan(200_000);
    }

    @Test
    void batchingNeverLeavesFewerTimingsThanP99Needs() {
        PerfResult result = Perf.measure(ctx -> ctx.sink(ctx.invocation())).warmupMs(100).iterations(6_000).run();

        assertThat(result.batchSize()).isLessThanOrEqualTo(20);
        assertThat(result.latency().samples()).isGreaterThanOrEqualTo(PerfSettings.DEFAULT_MIN_TIMINGS);
    }

    @Test
    void batchingCanBeTurnedOff() {
        PerfResult result = Perf.measure(ctx -> ctx.sink(ctx.invocation())).warmupMs(100).iterations(50_000)
                .batching(false).run();

        assertThat(result.batchSize()).isEqualTo(1);
        assertThat(result.latency().samples()).isEqualTo(50_000);
    }

    @Test
    void bodyOfAFewTimingCostsIsStillBatchedSoTimingStaysUnderFivePercent() {
        long timerCost = (long) TimerCalibration.of(PerfClock.WALL).perTimingNanos();
        PerfResult result = Perf.measure(ctx -> spin(3 * timerCost)).warmupMs(100).iterations(100_000).run();

        assertThat(result.batchSize()).isGreaterThan(1);
    }

    @Test
    void aBatchedTimingCoversAtLeastFiftyMicrosecondsNotJustTwentyTimerCosts() {
        // An 80 ns body with a 40 ns timer: the timer rule alone asks for 10 per batch (800 ns timings), which left
        // a cache-missing lookup reading 1.5-1.8x JMH; the minimum length asks for 50 us / 80 ns = 625.
        assertThat(BatchPolicy.choose(80, 40, BatchPolicy.MAX_BATCH)).isEqualTo(625);
        assertThat(BatchPolicy.choose(80, 40, BatchPolicy.MAX_BATCH) * 80L).isGreaterThanOrEqualTo(BatchPolicy.MIN_BATCHED_TIMING_NANOS);
    }

    @Test
    void theMinimumTimingLengthNeverBatchesABodyTheTimerRuleTimesAlone() {
        assertThat(BatchPolicy.choose(20 * 40, 40, BatchPolicy.MAX_BATCH)).isEqualTo(1);
        assertThat(BatchPolicy.choose(20 * 40 - 1, 40, BatchPolicy.MAX_BATCH)).isEqualTo(63);
    }

    @Test
    void aFixedCountsCapWinsOverTheMinimumTimingLength() {
        assertThat(BatchPolicy.choose(80, 40, 33)).isEqualTo(33);
        assertThat(BatchPolicy.choose(0.5, 40, BatchPolicy.MAX_BATCH)).isEqualTo(BatchPolicy.MAX_BATCH);
    }

    @Test
    void microsecondBodyIsNotBatched() {
        PerfResult result = Perf.measure(ctx -> spin(5_000)).warmupMs(50).iterations(5_000).run();

        assertThat(result.batchSize()).isEqualTo(1);
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}

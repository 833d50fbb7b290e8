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

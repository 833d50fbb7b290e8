package dev.junitperf.internal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.junit.jupiter.api.Test;

import dev.junitperf.PerfClock;

/**
 * What one timing adds to a sampler's figures, on the one-by-one path (which has a fast path of its own) and on
 * batches: the calibrated costs come off once, the histograms and the exact sums agree, and a batch cut short by a
 * failure counts only the invocations that succeeded.
 */
class RecordTimingTests {

    private static final long JUDGED_COST = 100;
    private static final long WALL_COST = 40;

    @Test
    void aSingleInvocationOnTheCpuClockRecordsBothFiguresLessTheirCosts() throws ReflectiveOperationException {
        Sampler sampler = sampler(PerfClock.CPU);

        sampler.recordTiming(1_000, 1_500, 1, 1);

        assertThat(sampler.latency.getTotalCount()).isOne();
        assertThat(sampler.latency.getMaxValue()).isEqualTo(900);
        assertThat(sampler.wall.getTotalCount()).isOne();
        assertThat(sampler.wall.getMaxValue()).isEqualTo(1_460);
        assertThat(sampler.judgedSumNanos).isEqualTo(900);
        assertThat(sampler.wallSumNanos).isEqualTo(1_460);
        assertThat(sampler.invocations).isOne();
        assertThat(sampler.timings).isOne();
    }

    @Test
    void aSingleInvocationOnTheWallClockTakesItsWallSumFromTheOneReading() throws ReflectiveOperationException {
        Sampler sampler = sampler(PerfClock.WALL);

        sampler.recordTiming(1_000, 0, 1, 1);
        sampler.recordTiming(2_000, 0, 1, 1);

        assertThat(sampler.wall).isNull();
        assertThat(sampler.latency.getTotalCount()).isEqualTo(2);
        assertThat(sampler.judgedSumNanos).isEqualTo(900 + 1_900);
        assertThat(sampler.wallSumNanos).isEqualTo(960 + 1_960);
        assertThat(sampler.invocations).isEqualTo(2);
        assertThat(sampler.timings).isEqualTo(2);
    }

    @Test
    void aTimingShorterThanTheTimersCostCountsAsZeroNotAsANegativeTime() throws ReflectiveOperationException {
        Sampler sampler = sampler(PerfClock.CPU);

        sampler.recordTiming(60, 30, 1, 1);

        assertThat(sampler.latency.getMaxValue()).isZero();
        assertThat(sampler.wall.getMaxValue()).isZero();
        assertThat(sampler.judgedSumNanos).isZero();
        assertThat(sampler.wallSumNanos).isZero();
        assertThat(sampler.invocations).isOne();
    }

    @Test
    void aBatchCutShortByAFailureRecordsItsMeanForTheInvocationsThatSucceeded() throws ReflectiveOperationException {
        Sampler sampler = sampler(PerfClock.CPU);

        // Four attempted, the fourth failed: the three successes get the timing's mean per attempted invocation.
        sampler.recordTiming(1_100, 2_040, 3, 4);

        assertThat(sampler.latency.getTotalCount()).isEqualTo(3);
        assertThat(sampler.latency.getMaxValue()).isEqualTo(250);
        assertThat(sampler.wall.getTotalCount()).isEqualTo(3);
        assertThat(sampler.wall.getMaxValue()).isEqualTo(500);
        assertThat(sampler.judgedSumNanos).isEqualTo(1_000 * 3 / 4.0);
        assertThat(sampler.wallSumNanos).isEqualTo(2_000 * 3 / 4.0);
        assertThat(sampler.invocations).isEqualTo(3);
        assertThat(sampler.timings).isOne();
    }

    @Test
    void aTimingInWhichNothingSucceededRecordsNothing() throws ReflectiveOperationException {
        Sampler sampler = sampler(PerfClock.CPU);

        sampler.recordTiming(1_000, 1_500, 0, 1);

        assertThat(sampler.latency.getTotalCount()).isZero();
        assertThat(sampler.judgedSumNanos).isZero();
        assertThat(sampler.invocations).isZero();
        assertThat(sampler.timings).isZero();
    }

    private static Sampler sampler(PerfClock clock) throws ReflectiveOperationException {
        MethodHandle body = MethodHandles.lookup().findStatic(RecordTimingTests.class, "nothing", MethodType.methodType(void.class));
        Sampler sampler = new Sampler(body, new SamplingContext(0, 1), new StopSignal(), clock, false);
        sampler.judgedCost = JUDGED_COST;
        sampler.wallCost = WALL_COST;
        return sampler;
    }

    private static void nothing() {
    }
}

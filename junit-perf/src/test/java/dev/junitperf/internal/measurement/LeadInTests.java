package dev.junitperf.internal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.junitperf.PerfClock;

/**
 * The lead-in between the measure gate and the measured window: when there is one, and that it runs the measured
 * path without recording it.
 */
class LeadInTests {

    private static final long WARMUP = TimeUnit.MILLISECONDS.toNanos(300);
    private static final int BATCH = 600;

    @Test
    void aClosedLoopOfShortTimingsAfterATimedWarmupGetsTheLeadIn() {
        // An 80 ns lookup in batches of 600: 48 µs timings, hundreds of them fit in the lead-in.
        assertThat(MeasurementSchedule.leadInNanos(false, WARMUP, new long[] {80, 95}, BATCH))
                .isEqualTo(MeasurementSchedule.LEAD_IN_NANOS);
    }

    @Test
    void aCountOnlyWarmupOrAnOpenLoopGetsNone() {
        assertThat(MeasurementSchedule.leadInNanos(false, 0, new long[] {80}, BATCH)).isZero();
        assertThat(MeasurementSchedule.leadInNanos(true, WARMUP, new long[] {80}, 1)).isZero();
    }

    @Test
    void aThreadWhoseTimingsAreTooLongForTenInTheLeadInOrUnknownMeansNone() {
        long longest = MeasurementSchedule.LEAD_IN_NANOS / MeasurementSchedule.LEAD_IN_MIN_TIMINGS;

        assertThat(MeasurementSchedule.leadInNanos(false, WARMUP, new long[] {80, longest}, 1))
                .isEqualTo(MeasurementSchedule.LEAD_IN_NANOS);
        assertThat(MeasurementSchedule.leadInNanos(false, WARMUP, new long[] {80, longest + 1}, 1)).isZero();
        assertThat(MeasurementSchedule.leadInNanos(false, WARMUP, new long[] {80, -1}, BATCH)).isZero();
    }

    @Test
    void theLeadInRehearsesTheMeasuredPathCountsItAsWarmupAndRecordsNothing() throws ReflectiveOperationException {
        Counter counter = new Counter();
        SamplingContext context = new SamplingContext(0, 1);
        counter.context = context;
        MethodHandle body = MethodHandles.lookup().findVirtual(Counter.class, "invoke", MethodType.methodType(void.class))
                .bindTo(counter);
        Sampler sampler = new Sampler(body, context, new StopSignal(), PerfClock.WALL, false);
        sampler.bindToCurrentThread(TimerCalibration.of(PerfClock.WALL));
        try {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
            sampler.leadIn(until, 10);

            assertThat(sampler.lastEndNanos).isGreaterThanOrEqualTo(until);
            // The body sees the measured side (warmup() false), so it is compiled before the first timing ...
            assertThat(counter.warmup).isZero();
            assertThat(counter.measured).isPositive();
            // ... but every invocation counts as warmup, and none is recorded.
            assertThat(sampler.warmupInvocations).isEqualTo(counter.measured);
            assertThat(sampler.latency.getTotalCount()).isZero();
            assertThat(sampler.invocations).isZero();
            assertThat(sampler.timings).isZero();
            assertThat(sampler.judgedSumNanos).isZero();
            assertThat(context.warmup()).isFalse();
            assertThat(context.invocation()).isZero();
        } finally {
            sampler.unbind();
        }
    }

    /** A body that counts its invocations by whether the context says they are warmup. */
    static final class Counter {
        SamplingContext context;
        long warmup;
        long measured;

        void invoke() {
            if (context.warmup()) {
                warmup++;
            } else {
                measured++;
            }
        }
    }
}

package dev.junitperf.internal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.junitperf.PerfClock;

/**
 * The rehearsal at the end of a timed warmup: once warmup has settled, the body sees {@code warmup()} false for at
 * least one more chunk, so that what it runs only when measured is compiled before the first timing.
 */
class RehearsalTests {

    @Test
    void aTimedWarmupThatSettledEndsWithTheBodySeeingTheMeasuredSide() throws ReflectiveOperationException {
        Sides sides = new Sides();
        Sampler sampler = sampler(sides);
        try {
            sampler.warmup(0, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), BatchPolicy.MAX_BATCH,
                    TimerCalibration.of(PerfClock.WALL));

            assertThat(sampler.warmupSettled).as("warmup settled (the rehearsal follows a settled warmup)").isTrue();
            assertThat(sides.warmup).isPositive();
            assertThat(sides.measured).as("invocations that saw warmup() false").isPositive();
            assertThat(sides.lastWarmup).as("the rehearsal comes after every warmup-side invocation")
                    .isLessThan(sides.firstMeasured);
            assertThat(sampler.warmupInvocations).isEqualTo(sides.warmup + sides.measured);
            assertThat(sampler.latency.getTotalCount()).isZero();
            assertThat(sampler.invocations).isZero();
        } finally {
            sampler.unbind();
        }
    }

    @Test
    void aCountOnlyWarmupIsExactlyItsCountWithNoRehearsal() throws ReflectiveOperationException {
        Sides sides = new Sides();
        Sampler sampler = sampler(sides);
        try {
            sampler.warmup(1_000, System.nanoTime(), BatchPolicy.MAX_BATCH, TimerCalibration.of(PerfClock.WALL));

            assertThat(sides.warmup).isEqualTo(1_000);
            assertThat(sides.measured).isZero();
            assertThat(sampler.warmupInvocations).isEqualTo(1_000);
        } finally {
            sampler.unbind();
        }
    }

    private static Sampler sampler(Sides sides) throws ReflectiveOperationException {
        SamplingContext context = new SamplingContext(0, 1);
        sides.context = context;
        MethodHandle body = MethodHandles.lookup().findVirtual(Sides.class, "invoke", MethodType.methodType(void.class))
                .bindTo(sides);
        Sampler sampler = new Sampler(body, context, new StopSignal(), PerfClock.WALL, false);
        sampler.bindToCurrentThread(TimerCalibration.of(PerfClock.WALL));
        return sampler;
    }

    /** A body that counts its invocations by the side of {@code warmup()} they saw, and the order of the sides. */
    static final class Sides {
        SamplingContext context;
        long sequence;
        long warmup;
        long measured;
        long lastWarmup = -1;
        long firstMeasured = Long.MAX_VALUE;

        void invoke() {
            sequence++;
            if (context.warmup()) {
                warmup++;
                lastWarmup = sequence;
            } else {
                measured++;
                firstMeasured = Math.min(firstMeasured, sequence);
            }
        }
    }
}

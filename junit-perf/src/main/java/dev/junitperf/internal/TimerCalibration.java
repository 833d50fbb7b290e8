package dev.junitperf.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

import dev.junitperf.PerfClock;

/**
 * Measure, once per JVM and clock, what an empty timing costs on the very loop that times bodies.
 *
 * <p>Design notes: an empty body is timed through a hidden-class copy of {@link TimedLoopTemplate},
 * so the clock reads are the compiled code a real body is timed with. The median of an empty window
 * on the judged clock and on the wall clock is the cost each timing carries and is subtracted from
 * every timing; its interquartile range is the timer's resolution, below which a body's time cannot be
 * told from zero; the loop's elapsed time per timing decides the batch size. Several rounds run and the
 * fastest is kept, since the first ones are interpreted or not yet fully compiled.
 */
final class TimerCalibration {

    private static final int ROUNDS = 6;
    private static final int TIMINGS_PER_ROUND = 15_000;
    private static final Map<PerfClock, Calibration> CACHE = new EnumMap<>(PerfClock.class);

    private TimerCalibration() {
    }

    /**
     * Hold what an empty timing costs on one clock.
     *
     * @param clock the clock
     * @param judgedCostNanos the median empty window on the judged clock, subtracted from every timing
     * @param wallCostNanos the median empty window on the wall clock, subtracted from every wall figure
     * @param resolutionNanos the interquartile range of empty windows on the judged clock, at least 1
     * @param perTimingNanos the loop's elapsed time per timing, clock reads and histogram records included
     */
    record Calibration(PerfClock clock, long judgedCostNanos, long wallCostNanos, long resolutionNanos,
                       double perTimingNanos) {
    }

    /** Return the calibration of {@code clock}, measuring it on the calling thread the first time. */
    static synchronized Calibration of(PerfClock clock) {
        return CACHE.computeIfAbsent(clock, TimerCalibration::measure);
    }

    private static Calibration measure(PerfClock clock) {
        SamplingContext context = new SamplingContext(0, 1);
        Sampler sampler = new Sampler(emptyBody(), context, new StopSignal(), clock, false);
        sampler.bindToCurrentThread(new Calibration(clock, 0, 0, 1, 1));
        try {
            Calibration best = null;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                sampler.measureCount(TIMINGS_PER_ROUND, 1);
                double perTiming = (double) (System.nanoTime() - start) / TIMINGS_PER_ROUND;
                Histogram judged = sampler.latency;
                Histogram wall = sampler.wall == null ? judged : sampler.wall;
                Calibration c = new Calibration(clock, judged.getValueAtPercentile(50), wall.getValueAtPercentile(50),
                        Math.max(1, judged.getValueAtPercentile(75) - judged.getValueAtPercentile(25)), perTiming);
                if (best == null || c.perTimingNanos() < best.perTimingNanos()) {
                    best = c;
                }
                judged.reset();
                wall.reset();
            }
            return best;
        } finally {
            sampler.unbind();
        }
    }

    private static MethodHandle emptyBody() {
        try {
            return MethodHandles.lookup().findStatic(TimerCalibration.class, "empty", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    private static void empty() {
        // The calibration's body: nothing, so only the timing itself is measured.
    }
}

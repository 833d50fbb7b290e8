package dev.junitperf.internal.measurement;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.junitperf.PerfClock;

/**
 * Measure what an empty timing costs on the very loop that times bodies: once per JVM and clock, then
 * again, briefly, right before every measured phase.
 *
 * <p>Design notes: an empty body is timed through a hidden-class copy of {@link TimedLoopTemplate}, so
 * the clock reads are the compiled code a real body is timed with. The first time a clock is used, that
 * loop, one-by-one and batched, is warmed until it is compiled (its timings stop falling and the JIT is idle for three chunks in a row, for
 * at most {@value #MAX_WARM_MILLIS} ms). The median of an empty window on the judged clock and on the wall
 * clock is the cost each timing carries and is subtracted from every timing. The timer's resolution, below
 * which a body's time cannot be told from zero, is the larger of the interquartile range of empty windows
 * and a third of their median: besides the jitter, the cost a real body's timing carries differs from the
 * empty one's by up to a quarter of it (18–24 % measured here) (the timer's reads and the body overlap differently in the pipeline,
 * and each hidden class is compiled on its own). The loop's elapsed time per timing decides the batch size;
 * it is read over chunks of a round and the fastest chunk of the fastest round is kept, so a preemption,
 * which on a busy machine costs a whole round several times its length, does not count. The loop's own cost per invocation is the lowest of the rounds' (the batched inner
 * loop can still be in C1 code in the first, which read 10-27 ns instead of 0.5-1.4). The cost of a read moves
 * with the machine's state, so {@link #remeasure} repeats a short measurement just before each run.
 */
final class TimerCalibration {

    private static final long MAX_WARM_MILLIS = 1_000;
    private static final int WARM_CHUNK = 5_000;
    /**
     * Warming ends only after this many timings and {@value #SETTLED_CHUNKS} settled chunks in a row: a loop
     * still in C1 code, between two tiers, also reads steady with an idle JIT for a chunk or two (on a busy
     * machine a first calibration ended there once, with the loop at 25 ns per invocation instead of 1.3).
     */
    private static final int MIN_WARM_TIMINGS = 40_000;
    private static final int SETTLED_CHUNKS = 3;
    private static final int ROUNDS = 5;
    private static final int TIMINGS_PER_ROUND = 10_000;
    private static final int QUICK_ROUNDS = 3;
    private static final int QUICK_TIMINGS_PER_ROUND = 4_000;
    private static final int LOOP_BATCH = 64;
    /** Each round's elapsed time is read in this many chunks and the fastest is kept. */
    private static final int CHUNKS = 8;
    private static final Map<PerfClock, Calibrator> CALIBRATORS = new EnumMap<>(PerfClock.class);
    private static final Map<PerfClock, Calibration> FIRST = new EnumMap<>(PerfClock.class);

    private TimerCalibration() {
    }

    /**
     * Hold what an empty timing costs on one clock.
     *
     * @param clock the clock
     * @param judgedCostNanos the median empty window on the judged clock, subtracted from every timing
     * @param wallCostNanos the median empty window on the wall clock, subtracted from every wall figure
     * @param resolutionNanos the larger of the interquartile range of empty windows on the judged clock and a third of their median, at least 1
     * @param perTimingNanos the loop's elapsed time per timing, clock reads and histogram records included
     * @param loopNanosPerInvocation what each further invocation of a batch costs with an empty body (the
     *     loop's own count, stop check and context update): what an empty body reads
     */
    record Calibration(PerfClock clock, long judgedCostNanos, long wallCostNanos, long resolutionNanos,
                       double perTimingNanos, double loopNanosPerInvocation) {
    }

    /** Return the calibration of {@code clock} made the first time it was used in this JVM. */
    static synchronized Calibration of(PerfClock clock) {
        return FIRST.computeIfAbsent(clock, c -> calibrator(c).measure(ROUNDS, TIMINGS_PER_ROUND));
    }

    /** Measure {@code clock}'s cost again, briefly, on the calling thread: a few milliseconds on the wall clock. */
    static synchronized Calibration remeasure(PerfClock clock) {
        of(clock);
        return calibrator(clock).measure(QUICK_ROUNDS, QUICK_TIMINGS_PER_ROUND);
    }

    private static Calibrator calibrator(PerfClock clock) {
        return CALIBRATORS.computeIfAbsent(clock, Calibrator::new);
    }

    /** The warmed empty-body loop of one clock; used under the class's lock. */
    private static final class Calibrator {
        private final PerfClock clock;
        private final Sampler sampler;
        private boolean warm;

        Calibrator(PerfClock clock) {
            this.clock = clock;
            this.sampler = new Sampler(emptyBody(), new SamplingContext(0, 1), new StopSignal(), clock, false);
        }

        Calibration measure(int rounds, int timingsPerRound) {
            // The schedstat file belongs to the thread that opened it: bind to whichever thread calibrates now.
            sampler.bindToCurrentThread(new Calibration(clock, 0, 0, 1, 1, 0));
            try {
                if (!warm) {
                    warmUntilCompiled();
                    warm = true;
                }
                Calibration best = null;
                double loop = Double.MAX_VALUE;
                for (int round = 0; round < rounds; round++) {
                    Calibration c = round(timingsPerRound);
                    loop = Math.min(loop, c.loopNanosPerInvocation());
                    if (best == null || c.perTimingNanos() < best.perTimingNanos()) {
                        best = c;
                    }
                }
                return new Calibration(clock, best.judgedCostNanos(), best.wallCostNanos(), best.resolutionNanos(),
                        best.perTimingNanos(), loop);
            } finally {
                sampler.unbind();
            }
        }

        private void warmUntilCompiled() {
            JitActivity jit = JitActivity.observe();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WARM_MILLIS);
            long previous = Long.MAX_VALUE;
            int settledChunks = 0;
            for (long chunks = 1; System.nanoTime() < end; chunks++) {
                long before = jit.token();
                // The batched path too: its inner loop is compiled on its own, and it times the loop's cost.
                sampler.measureCount((long) LOOP_BATCH * (WARM_CHUNK / 10), LOOP_BATCH);
                reset();
                sampler.measureCount(WARM_CHUNK, 1);
                long median = sampler.latency.getValueAtPercentile(50);
                reset();
                boolean settled = median >= previous * 0.9 && before >= 0 && jit.token() == before;
                previous = median;
                settledChunks = settled ? settledChunks + 1 : 0;
                if (settledChunks >= SETTLED_CHUNKS && chunks * WARM_CHUNK >= MIN_WARM_TIMINGS) {
                    return;
                }
            }
        }

        private Calibration round(int timings) {
            long chunk = Math.max(1, timings / CHUNKS);
            double perTiming = fastestElapsedPerTiming(chunk, 1);
            Histogram judged = sampler.latency;
            Histogram wall = sampler.wall == null ? judged : sampler.wall;
            long median = judged.getValueAtPercentile(50);
            long spread = judged.getValueAtPercentile(75) - judged.getValueAtPercentile(25);
            long wallMedian = wall.getValueAtPercentile(50);
            reset();
            // Batches of an empty body: what each invocation beyond the first adds is the loop's own cost. It is
            // read from elapsed times, not from the histogram, which rounds per-invocation means to whole
            // nanoseconds (a loop of 0.9 ns read as 0.3 or 1.3 ns).
            double perBatch = fastestElapsedPerTiming(Math.max(1, chunk / 10), LOOP_BATCH);
            double loop = Math.max(0, (perBatch - perTiming) / (LOOP_BATCH - 1));
            reset();
            return new Calibration(clock, median, wallMedian, Math.max(1, Math.max(spread, median / 3)), perTiming, loop);
        }

        /**
         * Time {@value #CHUNKS} chunks of {@code timings} timings of {@code batch} invocations and return the
         * elapsed time per timing of the fastest: one preemption inflates only its own chunk.
         */
        private double fastestElapsedPerTiming(long timings, int batch) {
            double fastest = Double.MAX_VALUE;
            for (int c = 0; c < CHUNKS; c++) {
                long start = System.nanoTime();
                sampler.measureCount(timings * batch, batch);
                fastest = Math.min(fastest, (double) (System.nanoTime() - start) / timings);
            }
            return fastest;
        }

        private void reset() {
            sampler.latency.reset();
            if (sampler.wall != null) {
                sampler.wall.reset();
            }
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

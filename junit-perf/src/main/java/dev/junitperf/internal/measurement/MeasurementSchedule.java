package dev.junitperf.internal.measurement;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.junitperf.StopReason;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.memory.GcControl;
import dev.junitperf.internal.statistics.LatencyHistograms;

/**
 * Hold the plan the measuring threads follow: common start, batch size, checkpoints, and why it ended.
 *
 * <p>Design notes: every field is written by a barrier action (the measure gate, the start gate, then each checkpoint)
 * while all measuring threads wait at that barrier, and read by them after it; the barrier orders the
 * writes before the reads, so no field needs to be volatile. At a checkpoint the samplers are quiescent,
 * so the action may read their histograms. The time threads spend at a checkpoint is not measured time:
 * it is left out of {@link #measuredNanos}, and an open loop's schedule is shifted by it, so no invocation
 * is charged with the pause.
 */
final class MeasurementSchedule {

    /**
     * How long every measuring thread runs its measured path, unrecorded, between the measure gate and the start
     * gate, where all threads start measuring together. The measure gate's own work (re-measuring the timer, reading
     * {@code /proc/stat}, starting the interval thread: 1–4 ms) leaves a cache-missing body slow for about ten
     * milliseconds after it: a 100,000-entry hash lookup read 1.4–2× its steady figure in the first millisecond after
     * the gate, falling back over 10–30 ms, so 10,000 invocations (under a millisecond) read 1.31–1.53× a 300 ms run.
     * After a lead-in of 10 ms they read 0.99–1.08×, of 2 ms 1.29× (medians of nine runs of each in one JVM,
     * alternating); twice the 10 ms leaves room for a slower machine, and costs a test 20 ms. The first measurement
     * in a fresh JVM still reads high on such a body (docs/benchmarks.md); why is not known.
     */
    static final long LEAD_IN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** A lead-in is run only when at least this many timings of the body fit in it, so a slow body is not delayed. */
    static final int LEAD_IN_MIN_TIMINGS = 10;

    private final PerfSettings settings;
    private final StoppingRule rule;
    private final double[] checkpoints;
    private final Histogram merged = LatencyHistograms.create();
    private int nextCheckpoint;
    private long segmentStart;

    boolean planned;
    boolean finished;
    int batchSize = 1;
    long gcCountStart;
    long gcTimeStartMs;
    long startNanos;
    long deadlineNanos;
    long openLoopShiftNanos;
    long measuredNanos;
    /** The lead-in every thread runs between the measure gate and the start gate; 0 when there is none. */
    long leadInNanos;
    /** When the lead-in ends: each thread's ends with its first timing that ends at or after it. */
    long leadInEndNanos;
    StopReason stopReason;
    String stopDetail = "";
    StealMeter steal;
    TimerCalibration.Calibration calibration;

    MeasurementSchedule(PerfSettings settings, StoppingRule rule) {
        this.settings = settings;
        this.rule = rule;
        this.checkpoints = settings.fixedCount() ? new double[] {1.0} : rule.checkpoints();
        this.stopReason = settings.fixedCount() ? StopReason.ITERATIONS : StopReason.DURATION;
    }

    /**
     * Prepare the measured phase at the measure gate, while every worker waits: choose the common batch, re-measure
     * the timer, start the steal meter and decide the lead-in that follows.
     */
    void prepare(Sampler[] samplers) {
        int[] preferred = new int[samplers.length];
        for (int i = 0; i < samplers.length; i++) {
            preferred[i] = samplers[i].preferredBatch;
        }
        Arrays.sort(preferred);
        batchSize = Math.min(BatchPolicy.cap(settings), Math.max(1, preferred[(preferred.length - 1) / 2]));
        // Every worker waits here, so this is a quiet moment to measure what a timing costs right now.
        calibration = TimerCalibration.remeasure(settings.clock());
        for (Sampler s : samplers) {
            // A cost measured on the body itself (wall clock only) adds to the empty timing's, on both figures.
            long bodyCost = s.timingCost != null ? s.timingCost.costNanos() : 0;
            s.judgedCost = Math.max(0, calibration.judgedCostNanos() + bodyCost);
            s.wallCost = Math.max(0, calibration.wallCostNanos() + bodyCost);
        }
        steal = StealMeter.start();
        leadInNanos = leadInNanos(settings, samplers, batchSize);
        leadInEndNanos = System.nanoTime() + leadInNanos;
    }

    /** Take the collectors' starting counts, at the start gate; they allocate, so before the allocation readings. */
    void readGcCounters() {
        gcCountStart = GcControl.collectionCount();
        gcTimeStartMs = GcControl.collectionTimeMs();
    }

    /**
     * Start the measured phase at the start gate, as every worker has ended its lead-in: take the start time and set
     * the first deadline.
     */
    void begin() {
        startNanos = System.nanoTime();
        segmentStart = startNanos;
        deadlineNanos = settings.fixedCount() ? Long.MAX_VALUE : startNanos + nanosAt(checkpoints[0]);
        planned = true;
    }

    /**
     * Return how long the lead-in after the gate lasts: {@link #LEAD_IN_NANOS} for a closed loop after a timed warmup
     * whose every thread's timings of {@code batch} invocations are short enough that {@value #LEAD_IN_MIN_TIMINGS}
     * fit in it, else 0. A count-only warmup ({@code warmupMs = 0}) stays exactly its count, and an open loop is paced
     * by its schedule, so neither gets one.
     */
    static long leadInNanos(PerfSettings settings, Sampler[] samplers, int batch) {
        long[] medians = new long[samplers.length];
        for (int i = 0; i < samplers.length; i++) {
            medians[i] = samplers[i].warmupMedianNanos;
        }
        return leadInNanos(settings.openLoop(), settings.warmupNanos(), medians, batch);
    }

    /** Decide the lead-in from the warmup's last per-invocation median of each thread ({@code -1} when unknown). */
    static long leadInNanos(boolean openLoop, long warmupNanos, long[] warmupMedians, int batch) {
        if (openLoop || warmupNanos <= 0 || warmupMedians.length == 0) {
            return 0;
        }
        for (long median : warmupMedians) {
            if (median < 0 || (double) median * batch * LEAD_IN_MIN_TIMINGS > LEAD_IN_NANOS) {
                return 0;
            }
        }
        return LEAD_IN_NANOS;
    }

    /** Decide at a checkpoint, with every measuring thread waiting; set the next deadline or finish. */
    void checkpoint(Sampler[] samplers) {
        long now = System.nanoTime();
        measuredNanos += now - segmentStart;
        double fraction = checkpoints[nextCheckpoint];
        boolean last = nextCheckpoint == checkpoints.length - 1;
        merged.reset();
        long timings = 0;
        for (Sampler s : samplers) {
            merged.add(s.latency);
            timings += s.timings;
        }
        StoppingRule.Decision decision = checkpoints.length == 1
                ? new StoppingRule.Decision(true, StopReason.DURATION, "planned durationMs reached")
                : rule.decide(merged, timings, fraction, last);
        if (decision.stop() || samplers[0].stop.stopped()) {
            finished = true;
            stopReason = decision.reason();
            stopDetail = decision.detail();
            return;
        }
        nextCheckpoint++;
        long resume = System.nanoTime();
        openLoopShiftNanos += resume - deadlineNanos;
        segmentStart = resume;
        deadlineNanos = resume + nanosAt(checkpoints[nextCheckpoint]) - nanosAt(fraction);
    }

    /** Return the measured time of a fixed-count run, from the common start to the last thread's end. */
    void finishFixedCount(Sampler[] samplers) {
        long end = startNanos;
        for (Sampler s : samplers) {
            end = Math.max(end, s.lastEndNanos);
        }
        measuredNanos = end - startNanos;
        finished = true;
        stopDetail = "iterations reached";
    }

    private long nanosAt(double fraction) {
        return (long) (settings.durationNanos() * fraction);
    }
}

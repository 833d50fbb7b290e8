package dev.junitperf.internal.measurement;

import java.util.Arrays;

import org.HdrHistogram.Histogram;

import dev.junitperf.StopReason;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.memory.GcControl;
import dev.junitperf.internal.statistics.LatencyHistograms;

/**
 * Hold the plan the measuring threads follow: common start, batch size, checkpoints, and why it ended.
 *
 * <p>Design notes: every field is written by a barrier action (the measure gate, then each checkpoint)
 * while all measuring threads wait at that barrier, and read by them after it; the barrier orders the
 * writes before the reads, so no field needs to be volatile. At a checkpoint the samplers are quiescent,
 * so the action may read their histograms. The time threads spend at a checkpoint is not measured time:
 * it is left out of {@link #measuredNanos}, and an open loop's schedule is shifted by it, so no invocation
 * is charged with the pause.
 */
final class MeasurementSchedule {

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

    /** Start the measured phase: choose the common batch, take the start readings, set the first deadline. */
    void start(Sampler[] samplers) {
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
        gcCountStart = GcControl.collectionCount();
        gcTimeStartMs = GcControl.collectionTimeMs();
        steal = StealMeter.start();
        startNanos = System.nanoTime();
        segmentStart = startNanos;
        deadlineNanos = settings.fixedCount() ? Long.MAX_VALUE : startNanos + nanosAt(checkpoints[0]);
        planned = true;
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

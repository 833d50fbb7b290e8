package dev.junitperf.internal.measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import dev.junitperf.MemoryResult;
import dev.junitperf.NoiseReading;
import dev.junitperf.PerfClock;
import dev.junitperf.StopReason;
import dev.junitperf.TimerCorrection;
import dev.junitperf.internal.config.LoadPlan;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.memory.AllocationCounters;
import dev.junitperf.internal.memory.OtherThreadAllocations;
import dev.junitperf.internal.memory.RetainedHeap;
import dev.junitperf.internal.statistics.LatencyHistograms;
import dev.junitperf.internal.statistics.LatencyTimeline;
import dev.junitperf.internal.text.Formats;

/**
 * Merge the samplers of a finished run into one {@link Measurement}, with the notes its figures need.
 *
 * <p>Called on the runner thread after every worker has been joined, which publishes the samplers.
 */
final class RunMerger {

    /** A timer correction above this share of a timing is reported. */
    private static final double NOTABLE_CORRECTION = 0.05;
    /** How far the loop cost of a body's compiled copy may exceed the calibrator's (see {@link #notes}). */
    private static final double LOOP_COST_SPREAD = 2;
    /** What an empty body's batched loop was seen to cost per invocation at most (see {@link #notes}). */
    static final double EMPTY_LOOP_FLOOR_NANOS = 3;
    /** Written with every run's folded sink values, so the JIT must compute what the bodies sank. */
    private static volatile long sink;

    private RunMerger() {
    }

    /** Everything a finished run hands to the merge. */
    record Inputs(PerfSettings settings, TimerCalibration.Calibration calibration, Sampler[] samplers,
                  SamplingContext[] contexts, MeasurementSchedule schedule, boolean timedOut, List<String> stuck,
                  List<String> earlierSurvivors, boolean allocationsCounted, OtherThreadAllocations others,
                  RetainedHeap retained, long gcCount, long gcTimeMs, StealMeter.Share steal, IntervalRecorder intervals) {
    }

    static Measurement merge(Inputs in) {
        Sampler[] samplers = in.samplers();
        Histogram latency = LatencyHistograms.create();
        Histogram wall = samplers[0].wall == null ? null : LatencyHistograms.create();
        Histogram uncorrected = samplers[0].uncorrected == null ? null : LatencyHistograms.create();
        long invocations = 0;
        long timings = 0;
        long errors = 0;
        long warmup = 0;
        long digest = 0;
        double judgedSum = 0;
        double wallSum = 0;
        Throwable firstError = null;
        Throwable abort = null;
        NoiseProbe[] probes = new NoiseProbe[samplers.length];
        for (int i = 0; i < samplers.length; i++) {
            Sampler s = samplers[i];
            latency.add(s.latency);
            if (wall != null) {
                wall.add(s.wall);
            }
            if (uncorrected != null) {
                uncorrected.add(s.uncorrected);
            }
            invocations += s.invocations;
            timings += s.timings;
            judgedSum += s.judgedSumNanos;
            wallSum += s.wallSumNanos;
            errors += s.errors;
            warmup += s.warmupInvocations;
            firstError = firstError != null ? firstError : s.firstError;
            abort = abort != null ? abort : s.abort;
            digest ^= in.contexts()[i].sinkDigest();
            probes[i] = s.noise;
        }
        sink = digest;
        MeasurementSchedule schedule = in.schedule();
        StopReason reason = in.timedOut() ? StopReason.TIMEOUT : abort != null ? StopReason.ABORTED : schedule.stopReason;
        TimerCalibration.Calibration c = schedule.calibration != null ? schedule.calibration : in.calibration();
        TimerCorrection timer = new TimerCorrection(c.clock(), c.judgedCostNanos(), c.wallCostNanos(), c.resolutionNanos(),
                c.perTimingNanos(), c.loopNanosPerInvocation());
        NoiseReading noise = schedule.planned ? NoiseProbe.combine(probes, in.steal())
                : NoiseReading.unmeasured("the measurement never started");
        return new Measurement(in.settings().clock(), latency, Optional.ofNullable(wall), Optional.ofNullable(uncorrected),
                invocations, timings, errors, Optional.ofNullable(firstError), schedule.planned ? schedule.measuredNanos : 0,
                schedule.batchSize, warmup, Optional.ofNullable(abort), in.timedOut(), in.stuck(), memory(in, invocations + errors),
                noise, reason, reason == StopReason.TIMEOUT ? "timeoutMs reached" : schedule.stopDetail, timer,
                notes(in, latency, timings, warmup), invocations == 0 ? Double.NaN : judgedSum / invocations,
                invocations == 0 ? Double.NaN : wallSum / invocations, timeline(in));
    }

    /** Return the run's latency over time: the recorded intervals and a load profile's phases, merged over the threads. */
    private static Optional<LatencyTimeline> timeline(Inputs in) {
        if (in.intervals() == null) {
            return Optional.empty();
        }
        LoadPlan plan = in.settings().load();
        List<LatencyTimeline.PhaseLatency> phases = new ArrayList<>();
        for (int p = 0; p < plan.phases().size(); p++) {
            Histogram merged = LatencyHistograms.create();
            long errors = 0;
            for (Sampler s : in.samplers()) {
                merged.add(s.phases.latency[p]);
                errors += s.phases.errors[p];
            }
            LoadPlan.Phase phase = plan.phases().get(p);
            phases.add(new LatencyTimeline.PhaseLatency(phase.name(), plan.startNanos(p), plan.startNanos(p + 1),
                    phase.fromPerSec(), phase.toPerSec(), merged, errors));
        }
        return Optional.of(in.intervals().timeline(phases));
    }

    private static List<String> notes(Inputs in, Histogram latency, long timings, long warmup) {
        List<String> notes = new ArrayList<>();
        TimerCalibration.Calibration c = calibration(in);
        int batch = in.schedule().batchSize;
        String clock = in.settings().clock().configValue();
        if (timings > 0 && latency.getTotalCount() > 0) {
            double perTiming = latency.getValueAtPercentile(50) * (double) batch;
            double share = c.judgedCostNanos() / (perTiming + c.judgedCostNanos());
            // An empty body's timing of `batch` invocations reads the loop's own cost for all but one of them. That
            // cost differs between compiled copies of the loop: 0.3-0.7 ns in the calibrator's, 1.5-2.8 ns in an
            // empty test body's on a busy machine (its copy compiled later, under load). So an empty body may read
            // twice the calibrated figure, and never less than EMPTY_LOOP_FLOOR_NANOS. Per-invocation means are
            // recorded in whole nanoseconds: the median read back carries up to half a nanosecond of rounding.
            double loopNanos = Math.max(LOOP_COST_SPREAD * c.loopNanosPerInvocation(), EMPTY_LOOP_FLOOR_NANOS);
            double emptyTiming = batch > 1 ? loopNanos * (batch - 1) + c.resolutionNanos() + batch / 2.0 : c.resolutionNanos();
            if (perTiming < emptyTiming) {
                notes.add(String.format(Locale.ROOT, "below the timer's resolution: a timing of %,d invocation(s) took %,.0f ns "
                        + "after the timer's own cost was subtracted, which an empty body's timing on the %s clock can take "
                        + "(the loop's own cost of up to %s per invocation, the timer's resolution of %,d ns and rounding to whole "
                        + "nanoseconds); "
                        + "read the figures as under %s "
                        + "per invocation", batch, perTiming, clock, Formats.nanos(loopNanos), c.resolutionNanos(),
                        Formats.nanos(emptyTiming / batch)));
            } else if (share > NOTABLE_CORRECTION) {
                notes.add(correctionNote(in, batch, share, perTiming / batch));
            }
        }
        timingCostNote(in).ifPresent(notes::add);
        boolean settled = true;
        for (Sampler s : in.samplers()) {
            settled &= s.warmupSettled;
        }
        if (!settled) {
            notes.add("warmup did not settle: when its extension ran out the JIT was still compiling or the timings were "
                    + "still falling, so the measured timings may run code that is not fully compiled; raise warmupMs "
                    + "(a busy machine or a JVM that has just run many tests compiles slowly)");
        }
        if (warmup == 0) {
            notes.add("not warmed up: the body was measured cold (interpreted at first); set warmupMs or warmupIterations "
                    + "to measure compiled code");
        }
        if (!in.earlierSurvivors().isEmpty()) {
            notes.add("measured beside " + in.earlierSurvivors().size() + " worker thread(s) of earlier timed-out perf tests that "
                    + "never stopped (" + String.join(", ", in.earlierSurvivors()) + "); they compete for the CPU");
        }
        if (in.settings().clock() != PerfClock.WALL && in.settings().openLoop() && in.settings().clock() == PerfClock.CPU) {
            notes.add("open loop on the cpu clock: objectives are judged on each invocation's CPU time; the coordinated-omission "
                    + "corrected wall latency is reported beside it");
        }
        return notes;
    }

    private static String correctionNote(Inputs in, int batch, double share, double bodyNanos) {
        TimerCalibration.Calibration c = calibration(in);
        PerfSettings settings = in.settings();
        String advice = "";
        int wanted = BatchPolicy.forTimerShare(bodyNanos, c.perTimingNanos(), BatchPolicy.MAX_BATCH);
        if (settings.fixedCount() && settings.batching() && !settings.openLoop() && wanted > batch) {
            advice = String.format(Locale.ROOT, "; with iterations = %,d or more (or durationMs) batches of %,d would bring it "
                    + "under 5 %%", (long) wanted * settings.minTimings(), wanted);
        } else if (!settings.batching() || settings.openLoop()) {
            advice = "; batching is off here, so every invocation is timed alone";
        }
        return String.format(Locale.ROOT, "timer cost corrected: each timing of %,d invocation(s) carried %,d ns of %s-clock "
                + "timer cost (%.0f %% of it), which was subtracted%s", batch, c.judgedCostNanos(),
                settings.clock().configValue(), share * 100, advice);
    }

    /** Say what a timing cost this body beyond the calibration, when warmup measured it (a fixed count capped the batch). */
    private static Optional<String> timingCostNote(Inputs in) {
        List<Long> costs = new ArrayList<>();
        Sampler.TimingCost first = null;
        for (Sampler s : in.samplers()) {
            if (s.timingCost != null) {
                first = first != null ? first : s.timingCost;
                costs.add(s.timingCost.costNanos());
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        PerfSettings settings = in.settings();
        String perThread = costs.size() > 1 ? String.format(Locale.ROOT, " (per measuring thread: %s ns)",
                costs.stream().map(c -> String.format(Locale.ROOT, "%,d", c)).collect(Collectors.joining(", "))) : "";
        return Optional.of(String.format(Locale.ROOT, "timing cost measured on this body: iterations = %,d allow batches of "
                + "%,d invocations (at least %,d timings), and in warmup such timings read %s per invocation against %s in timings "
                + "of %,d (%d of %d alternating pairs agreeing), so each timing cost this body %,d ns %s; that was %s every "
                + "timing too%s; with iterations = %,d or more (or durationMs) batches of %,d make it small", settings.iterations(),
                first.batch(), settings.minTimings(), Formats.nanos(first.batchMeanNanos()), Formats.nanos(first.referenceMeanNanos()),
                first.reference(), first.agreeing(), first.pairs(), Math.abs(first.costNanos()), first.costNanos() >= 0
                        ? "more than an empty timing (the clock reads stop consecutive invocations from overlapping, and the "
                                + "timing's bookkeeping misses caches the body evicted)"
                        : "less than an empty timing (part of the timer's cost overlaps this body's own work)",
                first.costNanos() >= 0 ? "subtracted from" : "added back to", perThread,
                (long) first.reference() * settings.minTimings(), first.reference()));
    }

    /** The calibration measured at the measure gate, or the JVM's first one if the run never got there. */
    private static TimerCalibration.Calibration calibration(Inputs in) {
        return in.schedule().calibration != null ? in.schedule().calibration : in.calibration();
    }

    private static MemoryResult memory(Inputs in, long operations) {
        long measuringBytes = 0;
        for (Sampler s : in.samplers()) {
            measuringBytes += s.allocatedBytes;
        }
        OtherThreadAllocations others = in.others();
        boolean counted = in.allocationsCounted();
        List<String> notes = new ArrayList<>(in.retained().notes());
        if (!AllocationCounters.supported()) {
            notes.add("allocation was not counted: this JVM has no per-thread allocation counters");
        } else if (counted && !others.includesEnded()) {
            notes.add("threads that started and ended during the measurement are not counted (needs JDK 21+)");
        }
        return new MemoryResult(operations, counted ? OptionalLong.of(measuringBytes) : OptionalLong.empty(),
                counted && others.bytes() >= 0 ? OptionalLong.of(others.bytes()) : OptionalLong.empty(),
                others.includesEnded(), in.retained().bytes(), OptionalDouble.empty(), Math.max(0, in.gcCount()),
                Math.max(0, in.gcTimeMs()), notes);
    }
}

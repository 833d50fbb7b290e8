package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import dev.junitperf.MemoryResult;
import dev.junitperf.NoiseReading;
import dev.junitperf.PerfClock;
import dev.junitperf.StopReason;
import dev.junitperf.TimerCorrection;
import dev.junitperf.internal.statistics.LatencyTimeline;

/**
 * Hold the merged outcome of one measurement run.
 *
 * @param clock the judged clock
 * @param latency latencies on the judged clock, in nanoseconds (from the intended start in an open loop on the wall clock)
 * @param wallLatency wall-clock latencies, when the judged clock is another
 * @param uncorrected open loop only: wall latencies from the actual start
 * @param invocations successful measured invocations
 * @param timings independent timings behind {@code latency} (batches)
 * @param errors failed measured invocations
 * @param firstError the first failure, if any
 * @param measuredNanos wall time of the measured phase, checkpoint pauses excluded
 * @param batchSize invocations per timing
 * @param warmupInvocations invocations during warmup, over all threads
 * @param abort an assumption failure that aborted the run, if any
 * @param timedOut whether the run was stopped by its timeout
 * @param stuckThreads names of worker threads that did not stop after a timeout
 * @param memory allocation, retained heap and GC figures of the measured phase
 * @param noise the noise meter's reading of the measured phase
 * @param stopReason why the measured phase ended
 * @param stopDetail a sentence saying why, for reports
 * @param timer what a timing costs and what was subtracted
 * @param notes caveats a reader of the figures must know (timer correction, resolution, cold start, survivors)
 * @param meanNanos the exact mean of the judged figures (the histogram's is built from whole nanoseconds), NaN if none
 * @param wallMeanNanos the exact mean of the wall figures, NaN if none
 * @param timeline latency over time and per phase of a load profile, when the run recorded intervals
 */
@API(status = INTERNAL, since = "0.1")
public record Measurement(
        PerfClock clock,
        Histogram latency,
        Optional<Histogram> wallLatency,
        Optional<Histogram> uncorrected,
        long invocations,
        long timings,
        long errors,
        Optional<Throwable> firstError,
        long measuredNanos,
        int batchSize,
        long warmupInvocations,
        Optional<Throwable> abort,
        boolean timedOut,
        List<String> stuckThreads,
        MemoryResult memory,
        NoiseReading noise,
        StopReason stopReason,
        String stopDetail,
        TimerCorrection timer,
        List<String> notes,
        double meanNanos,
        double wallMeanNanos,
        Optional<LatencyTimeline> timeline) {

    public Measurement {
        stuckThreads = List.copyOf(stuckThreads);
        notes = List.copyOf(notes);
    }

    /** The note of a combined run that loses its rounds' latency over time. */
    static final String NO_TIMELINE_FOR_ROUNDS = "latency over time is not kept for interleaved rounds (fasterThan): each "
            + "round has its own intervals";

    /** Combine two runs of the same body (interleaved rounds) into one; their intervals are not combined. */
    public static Measurement combine(Measurement a, Measurement b) {
        List<String> stuck = new ArrayList<>(a.stuckThreads);
        stuck.addAll(b.stuckThreads);
        List<String> notes = union(a.notes, b.notes);
        if (a.timeline.isPresent() || b.timeline.isPresent()) {
            notes = union(notes, List.of(NO_TIMELINE_FOR_ROUNDS));
        }
        return new Measurement(a.clock, sum(a.latency, Optional.of(b.latency)).orElseThrow(), sum(a.wallLatency, b.wallLatency),
                sum(a.uncorrected, b.uncorrected), a.invocations + b.invocations, a.timings + b.timings,
                a.errors + b.errors, a.firstError.or(() -> b.firstError), a.measuredNanos + b.measuredNanos, a.batchSize,
                a.warmupInvocations + b.warmupInvocations, a.abort.or(() -> b.abort), a.timedOut || b.timedOut,
                stuck, combine(a.memory, b.memory), combine(a.noise, b.noise),
                a.timedOut ? a.stopReason : b.stopReason, b.stopDetail, a.timer, notes,
                weighted(a.meanNanos, a.invocations, b.meanNanos, b.invocations),
                weighted(a.wallMeanNanos, a.invocations, b.wallMeanNanos, b.invocations), Optional.empty());
    }

    private static double weighted(double a, long na, double b, long nb) {
        return na + nb == 0 ? Double.NaN : (nanToZero(a) * na + nanToZero(b) * nb) / (na + nb);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static Optional<Histogram> sum(Histogram a, Optional<Histogram> b) {
        Histogram c = a.copy();
        b.ifPresent(c::add);
        return Optional.of(c);
    }

    private static Optional<Histogram> sum(Optional<Histogram> a, Optional<Histogram> b) {
        return a.flatMap(h -> sum(h, b));
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return all;
    }

    private static MemoryResult combine(MemoryResult a, MemoryResult b) {
        return new MemoryResult(a.operations() + b.operations(), sum(a.allocatedBytesMeasuringThreads(), b.allocatedBytesMeasuringThreads()),
                sum(a.allocatedBytesOtherThreads(), b.allocatedBytesOtherThreads()),
                a.otherThreadsIncludeEnded() && b.otherThreadsIncludeEnded(), OptionalLong.empty(), OptionalDouble.empty(),
                a.gcCount() + b.gcCount(), a.gcTimeMs() + b.gcTimeMs(), union(a.notes(), b.notes()));
    }

    /** Average the shares of two rounds of about equal length; add their switches. */
    private static NoiseReading combine(NoiseReading a, NoiseReading b) {
        return new NoiseReading(mean(a.cpuWaitShare(), b.cpuWaitShare()),
                a.involuntaryContextSwitches().isPresent() && b.involuntaryContextSwitches().isPresent()
                        ? OptionalLong.of(a.involuntaryContextSwitches().getAsLong() + b.involuntaryContextSwitches().getAsLong())
                        : OptionalLong.empty(),
                mean(a.stealShare(), b.stealShare()), union(a.notes(), b.notes()));
    }

    private static OptionalDouble mean(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() ? OptionalDouble.of((a.getAsDouble() + b.getAsDouble()) / 2) : OptionalDouble.empty();
    }

    private static OptionalLong sum(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(a.getAsLong() + b.getAsLong()) : OptionalLong.empty();
    }
}

package dev.junitperf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.HdrHistogram.Histogram;

import dev.junitperf.MemoryResult;

/**
 * Hold the merged outcome of one measurement run.
 *
 * @param latency latencies in nanoseconds (from the intended start in an open loop)
 * @param uncorrected open loop only: latencies from the actual start
 * @param invocations successful measured invocations
 * @param timings independent timings behind {@code latency} (batches)
 * @param errors failed measured invocations
 * @param firstError the first failure, if any
 * @param measuredNanos wall time of the measured phase, from the common start to the last thread's end
 * @param batchSize invocations per timing
 * @param warmupInvocations invocations during warmup, over all threads
 * @param abort an assumption failure that aborted the run, if any
 * @param timedOut whether the run was stopped by its timeout
 * @param stuckThreads names of worker threads that did not stop after a timeout
 * @param memory allocation, retained heap and GC figures of the measured phase
 */
public record RunResult(
        Histogram latency,
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
        MemoryResult memory) {

    /** Combine two runs of the same body (interleaved rounds) into one. */
    public static RunResult combine(RunResult a, RunResult b) {
        Histogram latency = a.latency.copy();
        latency.add(b.latency);
        Optional<Histogram> uncorrected = a.uncorrected.map(h -> {
            Histogram c = h.copy();
            b.uncorrected.ifPresent(c::add);
            return c;
        });
        List<String> stuck = new ArrayList<>(a.stuckThreads);
        stuck.addAll(b.stuckThreads);
        return new RunResult(latency, uncorrected, a.invocations + b.invocations, a.timings + b.timings,
                a.errors + b.errors, a.firstError.or(() -> b.firstError), a.measuredNanos + b.measuredNanos, a.batchSize,
                a.warmupInvocations + b.warmupInvocations, a.abort.or(() -> b.abort), a.timedOut || b.timedOut,
                List.copyOf(stuck), combine(a.memory, b.memory));
    }

    private static MemoryResult combine(MemoryResult a, MemoryResult b) {
        List<String> notes = new ArrayList<>(a.notes());
        b.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new MemoryResult(a.operations() + b.operations(), sum(a.allocatedBytesMeasuringThreads(), b.allocatedBytesMeasuringThreads()),
                sum(a.allocatedBytesOtherThreads(), b.allocatedBytesOtherThreads()),
                a.otherThreadsIncludeEnded() && b.otherThreadsIncludeEnded(), OptionalLong.empty(), OptionalDouble.empty(),
                a.gcCount() + b.gcCount(), a.gcTimeMs() + b.gcTimeMs(), notes);
    }

    private static OptionalLong sum(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(a.getAsLong() + b.getAsLong()) : OptionalLong.empty();
    }

    /** Return successful invocations per second over all threads. */
    public double throughputPerSec() {
        return measuredNanos <= 0 ? 0 : invocations * 1e9 / measuredNanos;
    }
}

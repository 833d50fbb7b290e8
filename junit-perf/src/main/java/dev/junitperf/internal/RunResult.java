package dev.junitperf.internal;

import java.util.List;
import java.util.Optional;

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

    /** Return successful invocations per second over all threads. */
    public double throughputPerSec() {
        return measuredNanos <= 0 ? 0 : invocations * 1e9 / measuredNanos;
    }
}

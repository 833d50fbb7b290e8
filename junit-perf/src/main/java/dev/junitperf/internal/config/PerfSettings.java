package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

import dev.junitperf.PerfClock;

/**
 * Hold the fully resolved and validated settings of one measurement.
 *
 * @param warmupIterations invocations per thread to warm up with (0 = time-based only)
 * @param warmupNanos minimum warmup time
 * @param iterations measured invocations over all threads, or 0 when measuring for {@code durationNanos}
 * @param durationNanos planned measuring time, or 0 when measuring a fixed count
 * @param threads concurrent callers
 * @param ratePerSec open-loop rate over all threads, or 0 for a closed loop
 * @param timeoutNanos limit for warmup plus measurement
 * @param batching whether short bodies may be timed in batches
 * @param retainedHeap whether to force full GCs before warmup and after measuring to read the retained heap
 * @param clock the judged clock, never {@link PerfClock#DEFAULT}
 * @param minTimings timings a fixed count must leave when batching: enough for every stated percentile objective
 * @param load the phases of a {@code @LoadProfile}, {@link LoadPlan#NONE} without one (then {@code durationNanos} is
 *             the profile's length and {@code ratePerSec} its mean rate)
 * @param monitoring what the run records over time and prints while it runs
 */
@API(status = INTERNAL, since = "0.1")
public record PerfSettings(
        int warmupIterations,
        long warmupNanos,
        int iterations,
        long durationNanos,
        int threads,
        double ratePerSec,
        long timeoutNanos,
        boolean batching,
        boolean retainedHeap,
        PerfClock clock,
        long minTimings,
        LoadPlan load,
        Monitoring monitoring) {

    /** Timings a fixed count always leaves when batching, even with no objective: enough to support p99. */
    public static final long DEFAULT_MIN_TIMINGS = 299;

    /** Report whether the sample count is known before the measurement starts. */
    public boolean fixedCount() {
        return iterations > 0;
    }

    /** Return a copy with the given batching and retained-heap choices. */
    public PerfSettings with(boolean newBatching, boolean newRetainedHeap) {
        return new PerfSettings(warmupIterations, warmupNanos, iterations, durationNanos, threads, ratePerSec,
                timeoutNanos, newBatching, newRetainedHeap, clock, minTimings, load, monitoring);
    }

    /** Return a copy that leaves at least {@code timings} timings when batching a fixed count. */
    public PerfSettings withMinTimings(long timings) {
        return new PerfSettings(warmupIterations, warmupNanos, iterations, durationNanos, threads, ratePerSec,
                timeoutNanos, batching, retainedHeap, clock, Math.max(DEFAULT_MIN_TIMINGS, timings), load, monitoring);
    }

    /** Return the settings of one of two interleaved rounds: half the iterations or half the duration. */
    public PerfSettings half() {
        return new PerfSettings(warmupIterations, warmupNanos, fixedCount() ? Math.max(threads, (iterations + 1) / 2) : 0,
                fixedCount() ? 0 : Math.max(1, durationNanos / 2), threads, ratePerSec, timeoutNanos, batching, retainedHeap,
                clock, Math.max(1, minTimings / 2), load, monitoring);
    }

    /** Report whether invocations are started on a schedule (open loop): a fixed rate or a load profile. */
    public boolean openLoop() {
        return ratePerSec > 0;
    }

    /** Report whether the run records latency over time in intervals: every open loop, closed loops on request. */
    public boolean recordsIntervals() {
        return openLoop() || monitoring.closedLoopIntervals();
    }
}

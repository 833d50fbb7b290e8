package dev.junitperf;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;

import org.apiguardian.api.API;

/**
 * Hold what the programmatic API asks to measure, as set on {@link PerfMeasurement}, for {@link PerfRuntime}.
 *
 * <p>Values are raw: {@link PerfTest#UNSET} when not set, validated by the engine with the rules of {@link PerfTest}.
 *
 * @param name the measurement's name, for messages
 * @param warmupIterations warmup invocations per thread
 * @param warmupMs minimum warmup time
 * @param iterations measured invocations over all threads
 * @param durationMs measuring time
 * @param threads concurrent callers
 * @param ratePerSec open-loop rate
 * @param timeoutMs limit for warmup plus measurement
 * @param clock the clock
 * @param batching whether short bodies may be batched, if set
 */
@API(status = INTERNAL, since = "0.1")
public record PerfRequest(String name, long warmupIterations, long warmupMs, long iterations, long durationMs, long threads,
                          double ratePerSec, long timeoutMs, PerfClock clock, Optional<Boolean> batching) {

    static PerfRequest unset() {
        long u = PerfTest.UNSET;
        return new PerfRequest("measurement", u, u, u, u, u, u, u, PerfClock.DEFAULT, Optional.empty());
    }

    PerfRequest withName(String n) {
        return new PerfRequest(n, warmupIterations, warmupMs, iterations, durationMs, threads, ratePerSec, timeoutMs, clock, batching);
    }

    PerfRequest withWarmupIterations(long n) {
        return new PerfRequest(name, n, warmupMs, iterations, durationMs, threads, ratePerSec, timeoutMs, clock, batching);
    }

    PerfRequest withWarmupMs(long millis) {
        return new PerfRequest(name, warmupIterations, millis, iterations, durationMs, threads, ratePerSec, timeoutMs, clock, batching);
    }

    PerfRequest withIterations(long n) {
        return new PerfRequest(name, warmupIterations, warmupMs, n, durationMs, threads, ratePerSec, timeoutMs, clock, batching);
    }

    PerfRequest withDurationMs(long millis) {
        return new PerfRequest(name, warmupIterations, warmupMs, iterations, millis, threads, ratePerSec, timeoutMs, clock, batching);
    }

    PerfRequest withThreads(long n) {
        return new PerfRequest(name, warmupIterations, warmupMs, iterations, durationMs, n, ratePerSec, timeoutMs, clock, batching);
    }

    PerfRequest withRatePerSec(double rate) {
        return new PerfRequest(name, warmupIterations, warmupMs, iterations, durationMs, threads, rate, timeoutMs, clock, batching);
    }

    PerfRequest withTimeoutMs(long millis) {
        return new PerfRequest(name, warmupIterations, warmupMs, iterations, durationMs, threads, ratePerSec, millis, clock, batching);
    }

    PerfRequest withClock(PerfClock c) {
        return new PerfRequest(name, warmupIterations, warmupMs, iterations, durationMs, threads, ratePerSec, timeoutMs, c, batching);
    }

    PerfRequest withBatching(boolean allowed) {
        return new PerfRequest(name, warmupIterations, warmupMs, iterations, durationMs, threads, ratePerSec, timeoutMs, clock,
                Optional.of(allowed));
    }
}

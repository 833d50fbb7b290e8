package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;

import org.apiguardian.api.API;

/**
 * Describe a measurement: an immutable builder, where every call returns a new, configured copy.
 *
 * <p>Settings are validated by {@link #run()}, with the same rules and messages as {@link PerfTest};
 * invalid settings throw {@link IllegalArgumentException} before anything runs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PerfMeasurement {

    private final PerfBody body;
    private final PerfRequest request;

    private PerfMeasurement(PerfBody body, PerfRequest request) {
        this.body = body;
        this.request = request;
    }

    static PerfMeasurement of(PerfBody body) {
        return new PerfMeasurement(body, PerfRequest.unset());
    }

    /** Name the measurement, for messages. */
    public PerfMeasurement named(String newName) {
        return with(request.withName(Objects.requireNonNull(newName, "name")));
    }

    /** Set warmup invocations per thread. */
    public PerfMeasurement warmupIterations(int n) {
        return with(request.withWarmupIterations(n));
    }

    /** Set the minimum warmup time. */
    public PerfMeasurement warmupMs(long millis) {
        return with(request.withWarmupMs(millis));
    }

    /** Measure this many invocations over all threads. */
    public PerfMeasurement iterations(int n) {
        return with(request.withIterations(n));
    }

    /** Measure for this long instead of a fixed count. */
    public PerfMeasurement durationMs(long millis) {
        return with(request.withDurationMs(millis));
    }

    /** Call the body from this many threads at once. */
    public PerfMeasurement threads(int n) {
        return with(request.withThreads(n));
    }

    /** Start invocations at this rate over all threads (open loop); 0 is a closed loop. */
    public PerfMeasurement ratePerSec(double rate) {
        return with(request.withRatePerSec(rate));
    }

    /** Stop and fail when warmup plus measurement take longer than this. */
    public PerfMeasurement timeoutMs(long millis) {
        return with(request.withTimeoutMs(millis));
    }

    /** Measure with this clock; the system property {@code junitperf.clock} still overrides it, as for annotations. */
    public PerfMeasurement clock(PerfClock clock) {
        return with(request.withClock(Objects.requireNonNull(clock, "clock")));
    }

    /** Allow or forbid timing short bodies in batches (allowed by default). */
    public PerfMeasurement batching(boolean allowed) {
        return with(request.withBatching(allowed));
    }

    /**
     * Warm up, measure and return the result.
     *
     * @throws IllegalArgumentException if a setting is invalid
     * @throws PerfTimeoutError if the measurement took longer than its timeout
     */
    public PerfResult run() {
        return PerfRuntime.get().measure(body, request);
    }

    private PerfMeasurement with(PerfRequest newRequest) {
        return new PerfMeasurement(body, newRequest);
    }
}

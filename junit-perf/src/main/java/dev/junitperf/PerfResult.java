package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import dev.junitperf.internal.RunResult;

/**
 * Hold the immutable outcome of one measurement: counts, latency distribution and throughput.
 *
 * <p>{@link #latency()} is on the judged {@link #clock()}; when that is not the wall clock,
 * {@link #wallLatency()} holds the wall-clock figures of the same invocations. In an open loop ({@code ratePerSec > 0}), {@link #latency()} is measured from each invocation's
 * intended start (coordinated omission corrected) and {@link #uncorrectedLatency()} from its actual
 * start. Check a result with {@link PerfAssertions#assertThat(PerfResult)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PerfResult {

    private final String name;
    private final long invocations;
    private final long errors;
    private final Throwable firstError;
    private final int threads;
    private final int batchSize;
    private final double ratePerSec;
    private final long measuredNanos;
    private final long warmupInvocations;
    private final LatencyDistribution latency;
    private final LatencyDistribution uncorrected;
    private final MemoryResult memory;
    private final PerfClock clock;
    private final LatencyDistribution wall;
    private final NoiseReading noise;
    private final StopReason stopReason;
    private final String stopDetail;
    private final TimerCorrection timer;
    private final List<String> notes;

    PerfResult(String name, RunResult run, int threads, double ratePerSec) {
        this(name, run, threads, ratePerSec, run.memory());
    }

    PerfResult(String name, RunResult run, int threads, double ratePerSec, MemoryResult memory) {
        this.name = name;
        this.invocations = run.invocations();
        this.errors = run.errors();
        this.firstError = run.firstError().orElse(null);
        this.threads = threads;
        this.batchSize = run.batchSize();
        this.ratePerSec = ratePerSec;
        this.measuredNanos = run.measuredNanos();
        this.warmupInvocations = run.warmupInvocations();
        this.latency = new LatencyDistribution(run.latency(), run.timings(), run.meanNanos());
        this.uncorrected = run.uncorrected().map(h -> new LatencyDistribution(h, h.getTotalCount())).orElse(null);
        this.memory = memory;
        this.clock = run.clock();
        this.wall = run.wallLatency().map(h -> new LatencyDistribution(h, run.timings(), run.wallMeanNanos())).orElse(null);
        this.noise = run.noise();
        this.stopReason = run.stopReason();
        this.stopDetail = run.stopDetail();
        this.timer = run.timer();
        this.notes = run.notes();
    }

    /** Return the clock the latencies were measured and judged with. */
    public PerfClock clock() {
        return clock;
    }

    /** Return the wall-clock latencies of the same invocations, when the judged clock is another. */
    public Optional<LatencyDistribution> wallLatency() {
        return Optional.ofNullable(wall);
    }

    /** Return the wall-clock latencies: {@link #wallLatency()} if the judged clock is another, else {@link #latency()}. */
    public LatencyDistribution wallOrJudgedLatency() {
        return wall != null ? wall : latency;
    }

    /** Return how much other work disturbed the measured phase. */
    public NoiseReading noise() {
        return noise;
    }

    /** Return why the measured phase ended. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** Return a sentence saying why the measured phase ended, e.g. which interval still straddled its budget. */
    public String stopDetail() {
        return stopDetail;
    }

    /** Return what a timing costs on the judged clock and what was subtracted for it. */
    public TimerCorrection timerCorrection() {
        return timer;
    }

    /** Return caveats a reader of these figures must know: timer correction, resolution, cold start, survivors. */
    public List<String> notes() {
        return notes;
    }

    /** Return allocation, retained heap and GC figures of the measured phase. */
    public MemoryResult memory() {
        return memory;
    }

    /** Return the name of the measurement (the test's display name for annotated tests). */
    public String name() {
        return name;
    }

    /** Return the number of successful measured invocations. */
    public long invocations() {
        return invocations;
    }

    /** Return the number of measured invocations that threw. */
    public long errors() {
        return errors;
    }

    /** Return the fraction of measured invocations that threw, from 0 to 1. */
    public double errorRate() {
        long total = invocations + errors;
        return total == 0 ? 0 : (double) errors / total;
    }

    /** Return the first exception thrown by a measured or warmup invocation, if any. */
    public Optional<Throwable> firstError() {
        return Optional.ofNullable(firstError);
    }

    /** Return the number of concurrent callers. */
    public int threads() {
        return threads;
    }

    /** Return invocations per timing: 1 unless the body was too short to time one by one. */
    public int batchSize() {
        return batchSize;
    }

    /** Return the open-loop rate, or 0 for a closed loop. */
    public double ratePerSec() {
        return ratePerSec;
    }

    /** Return the wall time of the measured phase, pauses at checkpoints excluded. */
    public Duration duration() {
        return Duration.ofNanos(measuredNanos);
    }

    /** Return the number of warmup invocations over all threads. */
    public long warmupInvocations() {
        return warmupInvocations;
    }

    /** Return successful invocations per second over all threads. */
    public double throughputPerSec() {
        return measuredNanos <= 0 ? 0 : invocations * 1e9 / measuredNanos;
    }

    /** Return the latency distribution the objectives are judged on. */
    public LatencyDistribution latency() {
        return latency;
    }

    /** Return, for an open loop, the latencies measured from the actual rather than the intended start. */
    public Optional<LatencyDistribution> uncorrectedLatency() {
        return Optional.ofNullable(uncorrected);
    }

    /** Return the given percentile (0 to 100) in milliseconds. */
    public double percentileMs(double percentile) {
        return latency.percentileMs(percentile);
    }

    /** Return the median latency in milliseconds. */
    public double p50Ms() {
        return latency.percentileMs(50);
    }

    /** Return the 90th percentile latency in milliseconds. */
    public double p90Ms() {
        return latency.percentileMs(90);
    }

    /** Return the 99th percentile latency in milliseconds. */
    public double p99Ms() {
        return latency.percentileMs(99);
    }

    /** Return the 99.9th percentile latency in milliseconds. */
    public double p999Ms() {
        return latency.percentileMs(99.9);
    }

    /** Return the mean latency in milliseconds. */
    public double meanMs() {
        return latency.meanMs();
    }

    /** Return the largest latency in milliseconds. */
    public double maxMs() {
        return latency.maxMs();
    }

    /** Return the smallest latency in milliseconds. */
    public double minMs() {
        return latency.minMs();
    }

    /** Return a copy of the latency histogram (nanoseconds). */
    public Histogram histogram() {
        return latency.histogram();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PerfResult[%s: clock=%s, n=%,d, errors=%,d, p50=%.6f ms, p99=%.6f ms, max=%.6f ms, %.1f/s]",
                name, clock.configValue(), invocations, errors, p50Ms(), p99Ms(), maxMs(), throughputPerSec());
    }
}

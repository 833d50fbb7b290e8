package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import dev.junitperf.internal.statistics.Percentiles;
import dev.junitperf.internal.text.Formats;

/**
 * Hold the immutable outcome of one measurement: counts, latency distribution and throughput.
 *
 * <p>{@link #latency()} is on the judged {@link #clock()}; when that is not the wall clock,
 * {@link #wallLatency()} holds the wall-clock figures of the same invocations. In an open loop
 * ({@code ratePerSec > 0}), latency is measured from each invocation's intended start (coordinated
 * omission corrected) and {@link #uncorrectedLatency()} from its actual start. Check a result with
 * {@link PerfAssertions#assertThat(PerfResult)}.
 *
 * @param name the measurement's name (the test's display name for annotated tests)
 * @param clock the clock the latencies were measured and judged with
 * @param latency the latency distribution the objectives are judged on
 * @param wallLatency the wall-clock latencies of the same invocations, when the judged clock is another
 * @param uncorrectedLatency in an open loop, the wall latencies from the actual rather than the intended start
 * @param invocations successful measured invocations
 * @param errors measured invocations that threw
 * @param firstError the first exception thrown by a measured or warmup invocation
 * @param threads concurrent callers
 * @param batchSize invocations per timing: 1 unless the body was too short to time one by one
 * @param ratePerSec the open-loop rate, or 0 for a closed loop
 * @param duration the wall time of the measured phase, pauses at checkpoints excluded
 * @param warmupInvocations warmup invocations over all threads
 * @param memory allocation, retained heap and GC figures of the measured phase
 * @param noise how much other work disturbed the measured phase
 * @param stopReason why the measured phase ended
 * @param stopDetail a sentence saying why, e.g. which interval still straddled its budget
 * @param timerCorrection what a timing costs on the judged clock and what was subtracted for it
 * @param notes caveats a reader of these figures must know: timer correction, resolution, cold start, survivors
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PerfResult(
        String name,
        PerfClock clock,
        LatencyDistribution latency,
        Optional<LatencyDistribution> wallLatency,
        Optional<LatencyDistribution> uncorrectedLatency,
        long invocations,
        long errors,
        Optional<Throwable> firstError,
        int threads,
        int batchSize,
        double ratePerSec,
        Duration duration,
        long warmupInvocations,
        MemoryResult memory,
        NoiseReading noise,
        StopReason stopReason,
        String stopDetail,
        TimerCorrection timerCorrection,
        List<String> notes) {

    public PerfResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(latency, "latency");
        notes = List.copyOf(notes);
    }

    /** Return a copy of this result under another name and with other memory figures. */
    public PerfResult with(String newName, MemoryResult newMemory) {
        return new PerfResult(newName, clock, latency, wallLatency, uncorrectedLatency, invocations, errors, firstError, threads,
                batchSize, ratePerSec, duration, warmupInvocations, newMemory, noise, stopReason, stopDetail, timerCorrection, notes);
    }

    /** Return the wall-clock latencies: {@link #wallLatency()} if the judged clock is another, else {@link #latency()}. */
    public LatencyDistribution wallOrJudgedLatency() {
        return wallLatency.orElse(latency);
    }

    /** Return the fraction of measured invocations that threw, from 0 to 1. */
    public double errorRate() {
        long total = invocations + errors;
        return total == 0 ? 0 : (double) errors / total;
    }

    /** Return successful invocations per second over all threads. */
    public double throughputPerSec() {
        long nanos = duration.toNanos();
        return nanos <= 0 ? 0 : invocations * 1e9 / nanos;
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

    /**
     * Render the result as junit-perf prints it under a failure: the percentile table with its 95 %
     * confidence intervals, the run's key figures, how measurement stopped and how noisy the machine was.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %-10s %14s   %s%n", "percentile", "latency", "95% CI"));
        for (double p : Percentiles.REPORTED) {
            PercentileEstimate e = latency.estimate(p);
            String ci = e.supported() ? Formats.millisRange(e.lowerMs(), e.upperMs())
                    : "(needs " + Formats.count(e.requiredSamples()) + " samples)";
            sb.append(String.format(Locale.ROOT, "  %-10s %14s   %s%n", Formats.percentileLabel(p), Formats.millis(e.valueMs()), ci));
        }
        sb.append(String.format(Locale.ROOT, "  %-10s %14s%n", "max", Formats.millis(latency.maxMs())));
        sb.append(String.format(Locale.ROOT, "  samples %s · errors %s · %s · threads %d · batch %d · clock %s",
                Formats.count(invocations), Formats.count(errors), Formats.rate(throughputPerSec()), threads, batchSize,
                clock.configValue()));
        wallLatency.ifPresent(w -> sb.append(String.format(Locale.ROOT,
                "%n  wall clock (not judged): p50 %s, p99 %s, max %s", Formats.millis(w.percentileMs(50)),
                Formats.millis(w.percentileMs(99)), Formats.millis(w.maxMs()))));
        uncorrectedLatency.ifPresent(u -> sb.append(String.format(Locale.ROOT,
                "%n  open loop at %s: uncorrected p50 %s, p99 %s (coordinated omission not corrected)",
                Formats.rate(ratePerSec), Formats.millis(u.percentileMs(50)), Formats.millis(u.percentileMs(99)))));
        sb.append(String.format(Locale.ROOT, "%n  stopped: %s (%s timings in %s) · noise: %s", stopDetail,
                Formats.count(latency.samples()), Formats.millis(duration.toNanos() / 1e6), noise.summary()));
        notes.forEach(n -> sb.append("\n  note: ").append(n));
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PerfResult[%s: clock=%s, n=%,d, errors=%,d, p50=%.6f ms, p99=%.6f ms, max=%.6f ms, %.1f/s]",
                name, clock.configValue(), invocations, errors, p50Ms(), p99Ms(), maxMs(), throughputPerSec());
    }
}

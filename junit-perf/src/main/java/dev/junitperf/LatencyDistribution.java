package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import dev.junitperf.internal.OrderStatistics;

/**
 * Describe measured latencies: an immutable view of an HdrHistogram recorded in nanoseconds.
 *
 * <p>When a body was timed in batches, every recorded value is the mean of one batch and is counted
 * once per invocation; percentiles are then percentiles of batch means, and confidence intervals rest
 * on the number of batches ({@link #samples()}), not on the number of invocations.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LatencyDistribution {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private final Histogram histogram;
    private final long samples;

    /**
     * Wrap a copy of the histogram.
     *
     * @param histogram latencies in nanoseconds
     * @param samples the number of independent timings (batches) behind the histogram
     */
    public LatencyDistribution(Histogram histogram, long samples) {
        this.histogram = histogram.copy();
        this.samples = samples;
    }

    /** Return the number of independent timings (equal to the invocation count unless batched). */
    public long samples() {
        return samples;
    }

    /** Return the number of invocations recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** Return the smallest latency in milliseconds, or 0 when nothing was recorded. */
    public double minMs() {
        return count() == 0 ? 0 : histogram.getMinValue() / NANOS_PER_MS;
    }

    /** Return the mean latency in milliseconds, or 0 when nothing was recorded. */
    public double meanMs() {
        return count() == 0 ? 0 : histogram.getMean() / NANOS_PER_MS;
    }

    /** Return the largest latency in milliseconds, or 0 when nothing was recorded. */
    public double maxMs() {
        return count() == 0 ? 0 : histogram.getMaxValue() / NANOS_PER_MS;
    }

    /** Return the given percentile (0 to 100) in milliseconds, by nearest rank. */
    public double percentileMs(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / NANOS_PER_MS;
    }

    /** Return the given percentile with its 95 % confidence interval. */
    public PercentileEstimate estimate(double percentile) {
        double q = percentile / 100.0;
        long required = OrderStatistics.requiredSamples(q);
        if (count() == 0 || samples == 0) {
            return new PercentileEstimate(percentile, 0, 0, 0, 0, required);
        }
        long[] ranks = OrderStatistics.confidenceRanks(samples, q);
        double lower = valueAtRankMs(ranks[0]);
        double upper = ranks[1] >= samples ? maxMs() : valueAtRankMs(ranks[1]);
        return new PercentileEstimate(percentile, percentileMs(percentile), lower, upper, samples, required);
    }

    /** Return a copy of the underlying histogram (nanoseconds, 3 significant digits). */
    public Histogram histogram() {
        return histogram.copy();
    }

    private double valueAtRankMs(long rank) {
        return percentileMs(Math.min(100.0, 100.0 * rank / samples));
    }
}

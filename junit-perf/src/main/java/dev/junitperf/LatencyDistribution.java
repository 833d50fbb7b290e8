package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import dev.junitperf.internal.statistics.OrderStatistics;

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
    private final double meanNanos;

    /**
     * Wrap a copy of the histogram; the mean is the histogram's.
     *
     * @param histogram latencies in nanoseconds
     * @param samples the number of independent timings (batches) behind the histogram
     */
    public LatencyDistribution(Histogram histogram, long samples) {
        this(histogram, samples, Double.NaN);
    }

    /**
     * Wrap a copy of the histogram with an exactly known mean.
     *
     * <p>The histogram holds whole nanoseconds, so batch means of a 12.9 ns body are recorded as 13 ns; the
     * measurement keeps the exact sum, and this mean is that sum over the invocations.
     *
     * @param histogram latencies in nanoseconds
     * @param samples the number of independent timings (batches) behind the histogram
     * @param meanNanos the exact mean in nanoseconds, or NaN to use the histogram's
     */
    public LatencyDistribution(Histogram histogram, long samples, double meanNanos) {
        this.histogram = histogram.copy();
        this.samples = samples;
        this.meanNanos = meanNanos;
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

    /** Return the mean latency in milliseconds (exact when the measurement knew it), or 0 when nothing was recorded. */
    public double meanMs() {
        if (count() == 0) {
            return 0;
        }
        return (Double.isNaN(meanNanos) ? histogram.getMean() : meanNanos) / NANOS_PER_MS;
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

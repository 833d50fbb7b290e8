package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apiguardian.api.API;

import dev.junitperf.Slo;
import dev.junitperf.internal.statistics.OrderStatistics;

/**
 * Hold the resolved objectives of one perf test; {@code NaN} means "no objective".
 *
 * <p>Latency budgets are in milliseconds and already multiplied by {@code junitperf.slo.scale};
 * the throughput minimum is already divided by it.
 */
@API(status = INTERNAL, since = "0.1")
public record SloSpec(
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double meanMs,
        double minThroughputPerSec,
        double maxErrorRate,
        double scale) {

    /** The percentile objectives in ascending order, with their percentile and attribute name. */
    public static final Percentile[] PERCENTILES = {
            new Percentile("p50", "p50Ms", 50.0),
            new Percentile("p90", "p90Ms", 90.0),
            new Percentile("p99", "p99Ms", 99.0),
            new Percentile("p999", "p999Ms", 99.9),
    };

    /** No objective except the default error rate of 0. */
    public static SloSpec none() {
        return new SloSpec(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.0, 1.0);
    }

    /** Return the budget of a percentile objective, or {@code NaN}. */
    public double budgetMs(Percentile p) {
        return switch (p.label()) {
            case "p50" -> p50Ms;
            case "p90" -> p90Ms;
            case "p99" -> p99Ms;
            default -> p999Ms;
        };
    }

    /** Return the timings the stated percentile objectives need to be judged at 95 % confidence (0 if none). */
    public long requiredTimings() {
        long required = 0;
        for (Percentile p : PERCENTILES) {
            if (!Double.isNaN(budgetMs(p))) {
                required = Math.max(required, p.requiredSamples());
            }
        }
        return required;
    }

    /** Return the stated objectives by attribute name, for reports. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, "p50Ms", p50Ms);
        put(m, "p90Ms", p90Ms);
        put(m, "p99Ms", p99Ms);
        put(m, "p999Ms", p999Ms);
        put(m, "maxMs", maxMs);
        put(m, "meanMs", meanMs);
        put(m, "minThroughputPerSec", minThroughputPerSec);
        put(m, "maxErrorRate", maxErrorRate);
        return m;
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (!Double.isNaN(v)) {
            m.put(key, v);
        }
    }

    /**
     * Name one percentile objective.
     *
     * @param label short name used in messages, e.g. {@code p99}
     * @param attribute the {@code @Slo} attribute, e.g. {@code p99Ms}
     * @param percentile the percentile, e.g. 99.0
     */
    public record Percentile(String label, String attribute, double percentile) {

        /** Return the smallest n for which the largest of n samples is a 95 % upper bound of this percentile. */
        public long requiredSamples() {
            return OrderStatistics.requiredSamples(percentile / 100.0);
        }
    }
}

package dev.junitperf.internal.statistics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Compute distribution-free confidence intervals for percentiles from order statistics.
 *
 * <p>Design notes: with n independent samples, the number of samples below the true q-quantile is
 * Binomial(n, q). The ranks {@code l} and {@code u} with {@code P(X(l) <= x_q <= X(u)) >= 95 %} are read
 * from that distribution: exactly (in log space, so no term underflows) up to 50,000 samples, with the
 * normal approximation above, where it is accurate to well under one rank. Nothing is assumed about the
 * latency distribution itself, which is never normal.
 */
@API(status = INTERNAL, since = "0.1")
public final class OrderStatistics {

    /** The confidence level of every interval and sample-count requirement. */
    public static final double CONFIDENCE = 0.95;

    private static final int EXACT_LIMIT = 50_000;
    private static final double Z_975 = 1.959963984540054;

    private OrderStatistics() {
    }

    /**
     * Return the smallest n for which the largest of n samples is a 95 % upper confidence bound of the q-quantile.
     *
     * <p>That is the smallest n with {@code 1 - q^n >= 0.95}: 299 for the 99th percentile, 2,995 for the 99.9th.
     */
    public static long requiredSamples(double q) {
        return (long) Math.ceil(Math.log(1 - CONFIDENCE) / Math.log(q) - 1e-9);
    }

    /**
     * Return the 1-based ranks {@code [lower, upper]} bracketing the q-quantile of n samples with 95 % confidence.
     *
     * <p>Ranks are clamped to {@code [1, n]}; when the upper rank is clamped, the bound is the sample maximum.
     */
    public static long[] confidenceRanks(long n, double q) {
        if (n <= 0) {
            return new long[] {0, 0};
        }
        long lower;
        long upper;
        if (n <= EXACT_LIMIT) {
            long[] exact = exactRanks((int) n, q);
            lower = exact[0];
            upper = exact[1];
        } else {
            double mean = n * q;
            double sd = Math.sqrt(n * q * (1 - q));
            lower = (long) Math.floor(mean - Z_975 * sd);
            upper = (long) Math.ceil(mean + Z_975 * sd) + 1;
        }
        return new long[] {Math.max(1, Math.min(n, lower)), Math.max(1, Math.min(n, upper))};
    }

    private static long[] exactRanks(int n, double q) {
        double alpha = (1 - CONFIDENCE) / 2;
        double logRatio = Math.log(q) - Math.log1p(-q);
        double logPmf = n * Math.log1p(-q);
        double cdf = 0;
        long lower = 0;
        long upper = n + 1L;
        boolean lowerFound = false;
        for (int k = 0; k <= n; k++) {
            cdf += Math.exp(logPmf);
            // cdf = P(B <= k). X(k+1) lies below the quantile with probability P(B >= k+1) = 1 - cdf.
            if (!lowerFound && cdf > alpha) {
                lower = k;
                lowerFound = true;
            }
            if (cdf >= 1 - alpha) {
                upper = k + 1L;
                break;
            }
            if (k < n) {
                logPmf += Math.log((double) (n - k) / (k + 1)) + logRatio;
            }
        }
        return new long[] {lower, upper};
    }
}

package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Hold one percentile of a measurement with its 95 % confidence interval from order statistics.
 *
 * @param percentile the percentile, e.g. 99.0
 * @param valueMs the measured percentile in milliseconds (nearest rank)
 * @param lowerMs the lower 95 % confidence bound in milliseconds
 * @param upperMs the upper 95 % confidence bound in milliseconds (the sample maximum when n is small)
 * @param samples the number of independent timings the estimate rests on
 * @param requiredSamples the smallest sample count that can support this percentile at 95 % confidence
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PercentileEstimate(
        double percentile,
        double valueMs,
        double lowerMs,
        double upperMs,
        long samples,
        long requiredSamples) {

    /** Report whether enough samples were taken to judge this percentile. */
    public boolean supported() {
        return samples >= requiredSamples;
    }
}

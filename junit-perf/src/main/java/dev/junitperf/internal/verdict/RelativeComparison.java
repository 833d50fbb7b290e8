package dev.junitperf.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apiguardian.api.API;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.PercentileEstimate;
import dev.junitperf.Verdict;
import dev.junitperf.internal.text.Formats;

/**
 * Compare a body with a reference body measured interleaved in the same run.
 *
 * <p>The speed-up is the ratio of medians, {@code reference p50 / test p50}; its 95 % interval is,
 * conservatively, {@code [reference.lower / test.upper, reference.upper / test.lower]} from both
 * order-statistic intervals.
 *
 * @param reference the reference method's name
 * @param byFactor the required speed-up
 * @param ratio reference p50 / test p50 (above 1: the test is faster)
 * @param lower lower bound of the ratio's 95 % interval
 * @param upper upper bound of the ratio's 95 % interval
 * @param p50Ms the test's median
 * @param referenceP50Ms the reference's median
 */
@API(status = INTERNAL, since = "0.1")
public record RelativeComparison(String reference, double byFactor, double ratio, double lower, double upper,
                                 double p50Ms, double referenceP50Ms) {

    /** Compare the test's latency with the reference's. */
    public static RelativeComparison of(String reference, double byFactor, LatencyDistribution test, LatencyDistribution ref) {
        PercentileEstimate t = test.estimate(50);
        PercentileEstimate r = ref.estimate(50);
        return new RelativeComparison(reference, byFactor, ratio(r.valueMs(), t.valueMs()), ratio(r.lowerMs(), t.upperMs()),
                ratio(r.upperMs(), t.lowerMs()), t.valueMs(), r.valueMs());
    }

    /** Add a breach to the judgement when the speed-up falls short of {@link #byFactor}. */
    public Judgement gate(Judgement judgement) {
        if (ratio >= byFactor) {
            return judgement;
        }
        List<Breach> breaches = new ArrayList<>(judgement.breaches());
        breaches.add(new Breach("fasterThan", byFactor, ratio, message()));
        return new Judgement(Verdict.FAILED, breaches, judgement.inconclusive());
    }

    /** Render e.g. {@code 1.21× faster than reference() (95% CI 1.15–1.28×; p50 100 µs vs 121 µs) < required 1.50×}. */
    public String message() {
        return String.format(Locale.ROOT, "%.2f× faster than %s() (95%% CI %.2f–%.2f×; p50 %s vs %s) < required %.2f×",
                ratio, reference, lower, upper, Formats.millis(p50Ms), Formats.millis(referenceP50Ms), byFactor);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator <= 0 ? Double.POSITIVE_INFINITY : numerator / denominator;
    }
}

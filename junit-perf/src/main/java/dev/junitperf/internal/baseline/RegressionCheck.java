package dev.junitperf.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apiguardian.api.API;

import dev.junitperf.LatencyDistribution;
import dev.junitperf.PercentileEstimate;
import dev.junitperf.internal.text.Formats;

/**
 * Compare a measurement with its baseline using both histograms, not only point figures.
 *
 * <p>Design notes: for a percentile, each run's 95 % order-statistic interval is known, so the
 * relative change lies in {@code [current.lower / baseline.upper - 1, current.upper / baseline.lower - 1]}
 * (a conservative interval). For the mean, the standard errors of both runs give a normal interval of
 * the difference. A change is a regression only when its interval lies above zero (significant) and
 * the change itself exceeds the threshold (larger than noise): WARN above {@code warnPct}, FAIL above
 * {@code failPct}.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegressionCheck {

    private RegressionCheck() {
    }

    /** Say how a figure compares with its baseline. */
    public enum Status { OK, WARN, FAIL }

    /**
     * Describe the change of one figure.
     *
     * @param figure {@code p50}, {@code p99} or {@code mean}
     * @param baselineMs the baseline figure
     * @param currentMs the current figure
     * @param changePct relative change in percent (positive = slower)
     * @param lowerPct lower bound of the 95 % interval of the change, in percent
     * @param upperPct upper bound of the 95 % interval of the change, in percent
     * @param status OK, WARN or FAIL
     */
    public record Change(String figure, double baselineMs, double currentMs, double changePct, double lowerPct,
                         double upperPct, Status status) {

        /** Render e.g. {@code p99 regressed by +20.3 % (95% CI +15.1 … +25.8 %): baseline 1.20 ms → current 1.44 ms}. */
        public String message(double thresholdPct) {
            return String.format(Locale.ROOT, "%s regressed by %+.1f %% (95%% CI %+.1f … %+.1f %%): baseline %s → current %s "
                            + "(threshold %.1f %%)", figure, changePct, lowerPct, upperPct, Formats.millis(baselineMs),
                    Formats.millis(currentMs), thresholdPct);
        }
    }

    /** Compare p50, p99 and the mean of {@code current} with {@code baseline}. */
    public static List<Change> compare(LatencyDistribution baseline, LatencyDistribution current, double warnPct, double failPct) {
        List<Change> changes = new ArrayList<>();
        changes.add(percentile("p50", 50, baseline, current, warnPct, failPct));
        changes.add(percentile("p99", 99, baseline, current, warnPct, failPct));
        changes.add(mean(baseline, current, warnPct, failPct));
        return changes;
    }

    private static Change percentile(String figure, double p, LatencyDistribution baseline, LatencyDistribution current,
                                     double warnPct, double failPct) {
        PercentileEstimate b = baseline.estimate(p);
        PercentileEstimate c = current.estimate(p);
        double change = pct(c.valueMs(), b.valueMs());
        double lower = pct(c.lowerMs(), b.upperMs());
        double upper = pct(c.upperMs(), b.lowerMs());
        boolean judgeable = b.supported() && c.supported();
        return new Change(figure, b.valueMs(), c.valueMs(), change, lower, upper,
                judgeable ? status(change, lower, warnPct, failPct) : Status.OK);
    }

    private static Change mean(LatencyDistribution baseline, LatencyDistribution current, double warnPct, double failPct) {
        double mb = baseline.meanMs();
        double mc = current.meanMs();
        double se = Math.sqrt(variance(baseline) / Math.max(1, baseline.samples()) + variance(current) / Math.max(1, current.samples()));
        double diff = mc - mb;
        double change = pct(mc, mb);
        double lower = mb == 0 ? 0 : (diff - 1.96 * se) / mb * 100;
        double upper = mb == 0 ? 0 : (diff + 1.96 * se) / mb * 100;
        return new Change("mean", mb, mc, change, lower, upper, status(change, lower, warnPct, failPct));
    }

    private static double variance(LatencyDistribution d) {
        double sdMs = d.histogram().getStdDeviation() / 1e6;
        return sdMs * sdMs;
    }

    private static Status status(double changePct, double lowerPct, double warnPct, double failPct) {
        if (lowerPct <= 0) {
            return Status.OK;
        }
        return changePct > failPct ? Status.FAIL : changePct > warnPct ? Status.WARN : Status.OK;
    }

    private static double pct(double current, double baseline) {
        return baseline <= 0 ? 0 : (current / baseline - 1) * 100;
    }
}

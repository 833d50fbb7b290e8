package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import dev.junitperf.StopReason;
import dev.junitperf.internal.config.SloSpec;
import dev.junitperf.internal.statistics.OrderStatistics;

/**
 * Decide, at the checkpoints of a time-based measurement, whether to stop early, go on, or extend it.
 *
 * <p>Design notes: a time-based run is measured in segments ending at 25, 50, 75 and 100 % of its
 * {@code durationMs}, then every further 50 % up to {@code maxFactor} times it. At every checkpoint each
 * percentile objective's 95 % order-statistic interval, and the mean's normal interval, is compared with
 * its budget: <em>clear</em> when it lies wholly below (a pass) or wholly above (a breach), else it
 * <em>straddles</em>. The run stops early once every objective is clear, goes on past the planned
 * duration while one straddles, and stops at the limit whatever the intervals say; the verdict is then
 * taken on the point estimate as always, and the straddling interval is reported. A {@code maxMs}
 * objective forbids stopping early (a maximum only grows with more samples); error-rate and throughput
 * objectives are judged on whatever was measured and neither shorten nor extend it. Stopping early on
 * clear intervals is more conservative than the planned-duration verdict, which passes a point estimate
 * just under its budget whatever its interval.
 *
 * @param objectives the judged objectives, budgets in nanoseconds
 * @param maxDisallowsEarlyStop whether a {@code maxMs} objective is stated
 * @param maxFactor how many times the planned duration a run may last, at least 1
 * @param adaptive whether checkpoints are taken at all ({@code junitperf.duration.adaptive})
 */
@API(status = INTERNAL, since = "0.1")
public record StoppingRule(List<Objective> objectives, boolean maxDisallowsEarlyStop, double maxFactor, boolean adaptive) {

    private static final double[] EARLY = {0.25, 0.5, 0.75};
    private static final double EXTENSION_STEP = 0.5;
    private static final double Z_975 = 1.959963984540054;

    public StoppingRule {
        objectives = List.copyOf(objectives);
    }

    /**
     * Name one objective the rule watches.
     *
     * @param label e.g. {@code p99} or {@code mean}
     * @param percentile the percentile, or {@code NaN} for the mean
     * @param budgetNanos the budget
     */
    public record Objective(String label, double percentile, double budgetNanos) {
    }

    /**
     * Say what to do at a checkpoint.
     *
     * @param stop whether the measurement ends here
     * @param reason why it ended, when it does
     * @param detail a sentence for reports, e.g. which interval still straddles its budget
     */
    public record Decision(boolean stop, StopReason reason, String detail) {
    }

    /** A rule that never adapts: the planned duration, exactly. */
    public static StoppingRule fixed() {
        return new StoppingRule(List.of(), false, 1, false);
    }

    /** Build the rule for a test's resolved objectives. */
    public static StoppingRule of(SloSpec slo, double maxFactor, boolean adaptive) {
        List<Objective> watched = new ArrayList<>();
        for (SloSpec.Percentile p : SloSpec.PERCENTILES) {
            double budget = slo.budgetMs(p);
            if (!Double.isNaN(budget)) {
                watched.add(new Objective(p.label(), p.percentile(), budget * 1e6));
            }
        }
        if (!Double.isNaN(slo.meanMs())) {
            watched.add(new Objective("mean", Double.NaN, slo.meanMs() * 1e6));
        }
        return new StoppingRule(watched, !Double.isNaN(slo.maxMs()), maxFactor, adaptive);
    }

    /** Return the checkpoints as fractions of the planned duration, ending at the limit. */
    public double[] checkpoints() {
        if (!adaptive || objectives.isEmpty()) {
            return new double[] {1.0};
        }
        List<Double> points = new ArrayList<>();
        if (!maxDisallowsEarlyStop) {
            for (double f : EARLY) {
                points.add(f);
            }
        }
        for (double f = 1.0; f < maxFactor + 1e-9; f += EXTENSION_STEP) {
            points.add(Math.min(f, maxFactor));
        }
        if (points.get(points.size() - 1) < maxFactor) {
            points.add(maxFactor);
        }
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Decide at the checkpoint that ends {@code fraction} of the planned duration.
     *
     * @param merged every measuring thread's judged latencies so far
     * @param timings the independent timings behind {@code merged}
     * @param fraction the measured time so far over the planned duration
     * @param last whether this is the last checkpoint
     */
    public Decision decide(Histogram merged, long timings, double fraction, boolean last) {
        List<String> straddling = new ArrayList<>();
        for (Objective o : objectives) {
            if (!clear(o, merged, timings)) {
                straddling.add(o.label());
            }
        }
        String at = String.format(Locale.ROOT, "%.2f× durationMs", fraction);
        if (straddling.isEmpty()) {
            if (fraction < 1.0 - 1e-9) {
                return new Decision(true, StopReason.EARLY_CLEAR, "every objective's 95 % CI was clear of its budget at " + at);
            }
            return fraction > 1.0 + 1e-9
                    ? new Decision(true, StopReason.EXTENDED_UNTIL_CLEAR, "extended to " + at + " until every 95 % CI cleared its budget")
                    : new Decision(true, StopReason.DURATION, "planned durationMs reached");
        }
        if (last) {
            return fraction > 1.0 + 1e-9
                    ? new Decision(true, StopReason.EXTENSION_LIMIT, "stopped at the limit of " + at + ": the 95 % CI of "
                            + String.join(", ", straddling) + " still straddles its budget")
                    : new Decision(true, StopReason.DURATION, "planned durationMs reached");
        }
        return new Decision(false, StopReason.DURATION, "");
    }

    private static boolean clear(Objective o, Histogram merged, long timings) {
        if (merged.getTotalCount() == 0 || timings == 0) {
            return false;
        }
        double lower;
        double upper;
        if (Double.isNaN(o.percentile())) {
            double halfWidth = Z_975 * merged.getStdDeviation() / Math.sqrt(timings);
            lower = merged.getMean() - halfWidth;
            upper = merged.getMean() + halfWidth;
        } else {
            double q = o.percentile() / 100.0;
            if (timings < OrderStatistics.requiredSamples(q)) {
                return false;
            }
            long[] ranks = OrderStatistics.confidenceRanks(timings, q);
            lower = merged.getValueAtPercentile(Math.min(100.0, 100.0 * ranks[0] / timings));
            upper = ranks[1] >= timings ? merged.getMaxValue() : merged.getValueAtPercentile(Math.min(100.0, 100.0 * ranks[1] / timings));
        }
        return upper <= o.budgetNanos() || lower > o.budgetNanos();
    }
}
